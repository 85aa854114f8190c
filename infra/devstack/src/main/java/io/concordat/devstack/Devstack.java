package io.concordat.devstack;

import io.concordat.servers.ChildProcess;
import io.concordat.servers.HttpProbe;
import io.concordat.servers.KafkaBroker;
import io.concordat.servers.KeycloakServer;
import io.concordat.servers.PostgresServer;
import io.concordat.servers.RunningKeycloak;
import io.concordat.servers.Waiting;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The whole platform on one machine, without Docker: PostgreSQL, a Kafka broker and Keycloak
 * from Maven artifacts, then every service as its own process, then a demo region.
 *
 * <p>Data is kept in {@code .devstack/} between runs; {@code --fresh} starts from nothing.
 * Ctrl-C stops every process it started.
 */
public final class Devstack implements AutoCloseable {

    static final String REALM = "concordat";
    static final String KEYCLOAK_ADMIN = "admin";
    static final String KEYCLOAK_ADMIN_PASSWORD = "concordat-admin";

    private final Path root;
    private final Path dir;
    private final Ports ports;
    private final PrintStream out;
    private final List<ChildProcess> services = new ArrayList<>();
    private final Map<String, Integer> servicePorts = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private final KeycloakStart keycloakStart;
    private RunningKeycloak keycloak;
    private PartnerReceiver partnerReceiver;

    /**
     * How the stack gets its Keycloak on 127.0.0.1 at the given port, with the realm file imported
     * and the admin account set: from the distribution by default, or from a container in tests
     * that ask for one.
     */
    @FunctionalInterface
    public interface KeycloakStart {
        RunningKeycloak start(Path dir, int port, Path realmFile, String realm, String adminUser, String adminPassword);

        KeycloakStart DISTRIBUTION = (dir, port, realmFile, realm, adminUser, adminPassword) -> KeycloakServer.start(
                dir, port, realmFile, realm, adminUser, adminPassword, Waiting.Progress.SILENT);
    }

    private Devstack(Path root, Path dir, Ports ports, PrintStream out, KeycloakStart keycloakStart) {
        this.root = root;
        this.dir = dir;
        this.ports = ports;
        this.out = out;
        this.keycloakStart = keycloakStart;
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> options = List.of(args);
        Path root = Path.of(System.getProperty("concordat.root", ".")).toAbsolutePath().normalize();
        Devstack stack = new Devstack(root, root.resolve(".devstack"), Ports.defaults(), System.out, KeycloakStart.DISTRIBUTION);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Concordat...");
            stack.close();
        }, "devstack-stop"));
        try {
            stack.start(options.contains("--fresh"), !options.contains("--no-demo"));
        } catch (RuntimeException e) {
            System.err.println("\nThe stack did not start: " + e.getMessage());
            System.err.println("Logs are in " + stack.dir.resolve("logs"));
            System.exit(1);
        }
        stack.printSummary();
        Thread.currentThread().join();
    }

    /** A stack for tests, on shifted ports, started fresh, with the demo region. */
    public static Devstack startForTest(Path root, Path dir, Ports ports, PrintStream out, KeycloakStart keycloakStart) {
        Devstack stack = new Devstack(root, dir, ports, out, keycloakStart);
        try {
            stack.start(true, true);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    void start(boolean fresh, boolean demo) {
        Progress progress = new Progress(out, demo ? 5 : 4);
        requireBuilt();
        if (fresh) {
            wipe();
        }
        Path logs = dir.resolve("logs");

        progress.step("PostgreSQL on 127.0.0.1:" + ports.postgres());
        Instant t = Instant.now();
        postgres = PostgresServer.start(ports.postgres(), dir.resolve("postgres/data"), dir.resolve("postgres/bin"), false);
        Map<String, PostgresServer.ServiceDatabase> databases = new LinkedHashMap<>();
        for (Service service : Service.ALL) {
            if (service.database() != null) {
                databases.put(service.name(), postgres.ensureServiceDatabase(service.database()));
            }
        }
        PostgresServer.ServiceDatabase gatewayDatabase = postgres.ensureServiceDatabase(Service.GATEWAY.database());
        progress.done("ready, " + databases.size() + " service databases and the gateway's", t);

        // PostgreSQL first, on its own: Keycloak's first start (unpacking and building itself) beside
        // a first PostgreSQL start on a fresh machine has kept PostgreSQL from answering in time
        progress.step("Keycloak: starting in the background (its first start builds it: about a minute)");
        CompletableFuture<RunningKeycloak> keycloakStarting = CompletableFuture.supplyAsync(() -> keycloakStart.start(
                dir.resolve("keycloak"), ports.keycloak(), root.resolve("infra/keycloak/concordat-realm.json"), REALM,
                KEYCLOAK_ADMIN, KEYCLOAK_ADMIN_PASSWORD));

        progress.step("Kafka (KRaft) on 127.0.0.1:" + ports.kafka());
        t = Instant.now();
        kafka = KafkaBroker.start(dir.resolve("kafka"), ports.kafka(), ports.kafkaController(),
                progress.waiting("Kafka starting", 10));
        progress.done("ready", t);

        progress.step("Services: " + String.join(", ", Service.ALL.stream().map(Service::name).toList()) + ", gateway");
        t = Instant.now();
        int port = ports.firstService();
        for (Service service : Service.ALL) {
            servicePorts.put(service.name(), port);
            services.add(launch(service, port++, databases.get(service.name()), settingsOf(service), logs));
        }
        Map<String, String> routes = new LinkedHashMap<>();
        servicePorts.forEach((name, p) -> routes.put("concordat.routes." + name, "http://127.0.0.1:" + p));
        routes.put("concordat.management.port", String.valueOf(ports.gatewayManagement()));
        // plain HTTP on 127.0.0.1: a browser told to insist on HTTPS here could not reach it again
        routes.put("concordat.gateway.hsts.enabled", "false");
        // generous for the demo (requests per minute): a person clicking through never meets them
        routes.put("concordat.rate-limits.period", "1m");
        routes.put("concordat.rate-limits.client", "6000");
        routes.put("concordat.rate-limits.authority", "12000");
        routes.put("concordat.rate-limits.platform-admin", "60000");
        servicePorts.put(Service.GATEWAY.name(), ports.gateway());
        services.add(launch(Service.GATEWAY, ports.gateway(), gatewayDatabase, routes, logs));
        for (ChildProcess process : services) {
            int p = process.name().equals(Service.GATEWAY.name()) ? ports.gatewayManagement() : servicePorts.get(process.name());
            // Several services starting at once on a busy two-core machine have taken three minutes each.
            Waiting.until(process.name(), Duration.ofSeconds(360), process::isAlive, () -> healthy(p),
                    progress.waiting("waiting for " + process.name(), 15));
        }
        progress.done("all healthy", t);

        t = Instant.now();
        keycloak = awaitKeycloak(keycloakStarting, progress);
        progress.done("Keycloak ready at " + keycloak.url(), t);

        if (demo) {
            progress.step("Demo data: the councils and regions of the seed reports");
            t = Instant.now();
            partnerReceiver = new PartnerReceiver(ports.firstService() + 49, dir.resolve("logs/partner-receiver.log"));
            new DemoData(gatewayUrl(), keycloak.url(), out).load(partnerReceiver.url("/bromsgrove-finance"));
            progress.done("loaded", t);
        }
        out.printf("%nConcordat is up (%.0f s).%n", progress.elapsed().toMillis() / 1000.0);
    }

    private ChildProcess launch(Service service, int port, PostgresServer.ServiceDatabase db, Map<String, String> extra,
                                Path logs) {
        Path module = root.resolve(service.module());
        String classpath = module.resolve("target/classes") + java.io.File.pathSeparator + readClasspath(module);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC",
                "-Dconcordat.http.port=" + port,
                "-Dmicronaut.server.host=127.0.0.1",
                "-Dconcordat.oidc.issuer=" + issuer(),
                "-Dconcordat.kafka.bootstrap-servers=" + kafka.bootstrapServers()));
        if (db != null) {
            command.addAll(List.of("-Dconcordat.db.url=" + db.jdbcUrl(), "-Dconcordat.db.owner-user=" + db.ownerUser(),
                    "-Dconcordat.db.owner-password=" + db.ownerPassword(), "-Dconcordat.db.app-user=" + db.appUser(),
                    "-Dconcordat.db.app-password=" + db.appPassword()));
        }
        extra.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-cp", classpath, service.mainClass()));
        return ChildProcess.start(service.name(), command, Map.of(), root, logs.resolve(service.name() + ".log"));
    }

    /**
     * What a service needs beyond the common settings: the tenants service provisions sign-in in
     * Keycloak as its service account, and in this development stack reveals first passwords and
     * asks admins it invites for no second factor, so that scripted sign-ins need no authenticator.
     */
    private Map<String, String> settingsOf(Service service) {
        if (service.name().equals("partner-events")) {
            // registers partner systems as Keycloak clients; the demo partner's webhook is on loopback
            return Map.of("concordat.keycloak.url", keycloakUrl(),
                    "concordat.keycloak.realm", REALM,
                    "concordat.keycloak.client-id", "concordat-partner-events",
                    "concordat.keycloak.client-secret", "partner-events-dev-secret",
                    "concordat.partners.webhooks.allow-http", "true",
                    "concordat.partners.webhooks.allow-loopback", "true");
        }
        if (service.name().equals("portal")) {
            // the portal signs people in as the realm's concordat-portal client and calls the API
            // through the gateway with their tokens; plain HTTP here, so its cookie is not Secure
            return Map.of("concordat.keycloak.client-id", "concordat-portal",
                    "concordat.keycloak.client-secret", "portal-dev-secret",
                    "concordat.api-url", gatewayUrl(),
                    "concordat.portal.secure-cookies", "false");
        }
        if (!service.name().equals("tenants")) {
            return Map.of();
        }
        return Map.of("concordat.keycloak.url", keycloakUrl(),
                "concordat.keycloak.realm", REALM,
                "concordat.keycloak.client-id", "concordat-tenants",
                "concordat.keycloak.client-secret", "tenants-dev-secret",
                "concordat.provisioning.reveal-initial-password", "true",
                "concordat.identity.admin-second-factor", "false");
    }

    private RunningKeycloak awaitKeycloak(CompletableFuture<RunningKeycloak> starting, Progress progress) {
        Instant since = Instant.now();
        while (true) {
            try {
                return starting.get(10, TimeUnit.SECONDS);
            } catch (TimeoutException stillStarting) {
                progress.note("... Keycloak still starting, " + Duration.between(since, Instant.now()).toSeconds()
                        + " s more so far (log: " + dir.resolve("keycloak/keycloak.log") + ")");
            } catch (ExecutionException e) {
                throw new IllegalStateException("Keycloak did not start: " + e.getCause().getMessage(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for Keycloak", e);
            }
        }
    }

    private static boolean healthy(int port) {
        return HttpProbe.answersOk("http://127.0.0.1:" + port + "/health");
    }

    private void requireBuilt() {
        List<Service> all = new ArrayList<>(Service.ALL);
        all.add(Service.GATEWAY);
        for (Service service : all) {
            if (!Files.exists(root.resolve(service.module()).resolve("target/runtime-classpath.txt"))) {
                throw new IllegalStateException(service.module() + " is not built; run ./mvnw -DskipTests package first");
            }
        }
    }

    private static String readClasspath(Path module) {
        try {
            return Files.readString(module.resolve("target/runtime-classpath.txt")).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the data of PostgreSQL, Kafka and Keycloak; keeps the unpacked binaries. */
    private void wipe() {
        List<Path> data = new ArrayList<>(List.of(dir.resolve("postgres/data"), dir.resolve("kafka"), dir.resolve("logs")));
        Path keycloakDir = dir.resolve("keycloak");
        if (Files.isDirectory(keycloakDir)) {
            try (var homes = Files.list(keycloakDir)) {
                homes.filter(Files::isDirectory).forEach(home -> data.add(home.resolve("data")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        data.forEach(Devstack::deleteRecursively);
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + ports.gateway();
    }

    public String keycloakUrl() {
        return "http://127.0.0.1:" + ports.keycloak();
    }

    public String issuer() {
        return keycloakUrl() + "/realms/" + REALM;
    }

    /** Where a process of the stack ({@code gateway}, {@code reporting}, ...) writes its log. */
    public Path logOf(String process) {
        return dir.resolve("logs").resolve(process + ".log");
    }

    /** The port a service listens on itself, behind the gateway; for the gateway, its management port. */
    public int portOf(String service) {
        if (service.equals(Service.GATEWAY.name())) {
            return ports.gatewayManagement();
        }
        return servicePorts.get(service);
    }

    /** The webhook-ids the demo partner's receiver has had. */
    public List<String> partnerWebhookIds() {
        return partnerReceiver == null ? List.of() : partnerReceiver.webhookIds();
    }

    /** The broker, for tests that take Kafka away and bring it back. */
    public KafkaBroker kafka() {
        return kafka;
    }

    void printSummary() {
        out.println();
        out.println("  Gateway     " + gatewayUrl() + "   (API under /api/v1/<service>/; health and metrics on 127.0.0.1:" + ports.gatewayManagement() + ")");
        out.println("  Keycloak    " + keycloakUrl() + "   realm '" + REALM + "'; admin console: " + KEYCLOAK_ADMIN + " / "
                + KEYCLOAK_ADMIN_PASSWORD);
        servicePorts.forEach((name, port) -> {
            if (!name.equals(Service.GATEWAY.name())) {
                out.printf("  %-14s http://127.0.0.1:%d%n", name, port);
            }
        });
        out.println("  PostgreSQL  127.0.0.1:" + ports.postgres() + "   Kafka 127.0.0.1:" + ports.kafka());
        out.println("  Logs        " + dir.resolve("logs"));
        out.println();
        out.println("Demo sign-ins (password " + DemoData.PASSWORD + "):");
        DemoData.USERS.forEach(u -> out.printf("  %-22s %-40s %s%n", u.username(), String.join(", ", u.roles()),
                u.authority() == null ? "" : u.authority()));
        out.println();
        out.println("A token for scripts:");
        out.println("  TOKEN=$(curl -s -d grant_type=password -d client_id=concordat-cli -d username=officer.bromsgrove \\");
        out.println("      -d password=" + DemoData.PASSWORD + " " + issuer() + "/protocol/openid-connect/token | jq -r .access_token)");
        out.println("  curl -H \"Authorization: Bearer $TOKEN\" " + gatewayUrl() + "/api/v1/reporting/pipeline");
        out.println();
        out.println("The Bromsgrove finance partner receives its webhooks in " + dir.resolve("logs/partner-receiver.log")
                + "; to watch its live stream:");
        out.println("  PARTNER=$(curl -s -d grant_type=client_credentials -d client_id=" + DemoData.PARTNER_CLIENT
                + " -d client_secret=" + DemoData.PARTNER_SECRET + " \\");
        out.println("      " + issuer() + "/protocol/openid-connect/token | jq -r .access_token)");
        out.println("  curl -N -H \"Authorization: Bearer $PARTNER\" " + gatewayUrl()
                + "/api/v1/partner-events/stream?since=2000-01-01T00:00:00Z");
        out.println();
        out.println("Ctrl-C stops everything; data stays in .devstack/ (./devstack --fresh starts from nothing).");
    }

    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).stop();
        }
        services.clear();
        if (partnerReceiver != null) {
            partnerReceiver.close();
        }
        if (keycloak != null) {
            keycloak.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
