package io.concordat.servers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak from its distribution on Maven Central, in development mode on 127.0.0.1, importing
 * a realm file on its first start. Its H2 data stays in {@code dir} between starts.
 */
public final class KeycloakServer implements RunningKeycloak {

    private final int port;
    private final String realm;
    private final ChildProcess process;

    private KeycloakServer(int port, String realm, ChildProcess process) {
        this.port = port;
        this.realm = realm;
        this.process = process;
    }

    /**
     * @param dir       where the distribution is unpacked and its data kept
     * @param realmFile the realm definition imported when the realm does not exist yet
     * @param realm     the realm's name, used to tell when Keycloak is ready
     */
    public static KeycloakServer start(Path dir, int port, Path realmFile, String realm, String adminUser,
                                       String adminPassword, Waiting.Progress progress) {
        Path home = unpack(dir);
        try {
            Path imports = home.resolve("data").resolve("import");
            Files.createDirectories(imports);
            Files.copy(realmFile, imports.resolve(realm + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChildProcess process = ChildProcess.start("keycloak",
                List.of(home.resolve("bin").resolve("kc.sh").toString(), "start-dev", "--http-port=" + port,
                        "--http-host=127.0.0.1", "--import-realm", "--health-enabled=true",
                        // its management interface (health) defaults to port 9000 whatever the HTTP port: a free
                        // one instead, so two stacks on one machine do not stop each other's Keycloak starting
                        "--http-management-port=" + freePort()),
                Map.of("KC_BOOTSTRAP_ADMIN_USERNAME", adminUser,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword,
                        "JAVA_HOME", System.getProperty("java.home"),
                        "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m"),
                home, dir.resolve("keycloak.log"));
        KeycloakServer server = new KeycloakServer(port, realm, process);
        // A machine shared by several builds has taken more than four minutes for a first start.
        Waiting.until("Keycloak on port " + port, Duration.ofSeconds(480), process::isAlive, server::realmAnswers, progress);
        return server;
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The realm's issuer, as it appears in the {@code iss} claim of its tokens. */
    public String issuer() {
        return url() + "/realms/" + realm;
    }

    public ChildProcess process() {
        return process;
    }

    private boolean realmAnswers() {
        return HttpProbe.answersOk(issuer() + "/.well-known/openid-configuration");
    }

    /** Unpacks the distribution once; later starts reuse it (and its built Quarkus application). */
    private static Path unpack(Path dir) {
        Path zip = Path.of(Resources.text("keycloak-distribution.txt"));
        try {
            Files.createDirectories(dir);
            Path marker = dir.resolve(".unpacked-" + zip.getFileName());
            if (!Files.exists(marker)) {
                try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                    for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                        Path target = dir.resolve(entry.getName()).normalize();
                        if (!target.startsWith(dir)) {
                            throw new IOException("zip entry outside the target: " + entry.getName());
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(target);
                        } else {
                            Files.createDirectories(target.getParent());
                            copy(in, target);
                            if (entry.getName().endsWith(".sh")) {
                                target.toFile().setExecutable(true);
                            }
                        }
                    }
                }
                Files.createFile(marker);
            }
            try (var homes = Files.list(dir)) {
                return homes.filter(p -> Files.exists(p.resolve("bin").resolve("kc.sh"))).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no Keycloak distribution under " + dir));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Keycloak from " + zip, e);
        }
    }

    private static void copy(InputStream in, Path target) throws IOException {
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        process.stop();
    }
}
