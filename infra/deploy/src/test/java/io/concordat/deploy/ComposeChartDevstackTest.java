package io.concordat.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static io.concordat.deploy.Rendered.ROOT;
import static io.concordat.deploy.Rendered.at;
import static io.concordat.deploy.Rendered.name;
import static io.concordat.deploy.Rendered.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The three ways to run Concordat (the devstack, Docker Compose, the Helm chart) name the same
 * services, with the same databases, ports and settings, so that none drifts from the others.
 * The devstack is read from its source (Service, Ports, Devstack), which is what it runs.
 */
class ComposeChartDevstackTest {

    private static final Set<String> INFRASTRUCTURE = Set.of("postgres", "kafka", "keycloak");
    private static final Path DEVSTACK = ROOT.resolve("infra/devstack/src/main/java/io/concordat/devstack");

    /** name -> database ("" when it keeps none), in the devstack's order, the gateway last. */
    static Map<String, String> devstackServices = new LinkedHashMap<>();
    static List<Integer> devstackPorts = new ArrayList<>();
    static Map<String, Map<String, Object>> composeServices;
    static Map<String, Map<String, Object>> chartServices;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        Matcher service = Pattern.compile("new Service\\(\"([^\"]+)\", \"[^\"]+\", \"[^\"]+\", (?:\"([^\"]+)\"|null)\\)")
                .matcher(Files.readString(DEVSTACK.resolve("Service.java")));
        while (service.find()) {
            devstackServices.put(service.group(1), service.group(2) == null ? "" : service.group(2));
        }
        Matcher ports = Pattern.compile("new Ports\\((\\d+), (\\d+), (\\d+), (\\d+), (\\d+), (\\d+)\\)")
                .matcher(Files.readString(DEVSTACK.resolve("Ports.java")));
        assertTrue(ports.find(), "Ports.defaults() not found");
        for (int i = 1; i <= 6; i++) {
            devstackPorts.add(Integer.parseInt(ports.group(i)));
        }
        Map<String, Object> compose = new Yaml(new LoaderOptions())
                .load(Files.readString(ROOT.resolve("infra/compose/compose.yaml")));
        composeServices = (Map<String, Map<String, Object>>) compose.get("services");
        Map<String, Object> values = new Yaml(new LoaderOptions())
                .load(Files.readString(Rendered.CHART.resolve("values.yaml")));
        chartServices = (Map<String, Map<String, Object>>) values.get("services");
    }

    private static Set<String> platformServicesOfCompose() {
        return composeServices.keySet().stream().filter(n -> !INFRASTRUCTURE.contains(n)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> environment(String service) {
        return at(composeServices.get(service), "environment");
    }

    /** [hostPort, containerPort] of a "127.0.0.1:host:container" mapping. */
    private static int[] published(String service) {
        List<String> ports = at(composeServices.get(service), "ports");
        String[] parts = ports.get(0).split(":");
        return new int[]{Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])};
    }

    @Test
    void theDevstackComposeAndTheChartRunTheSameServices() {
        assertEquals(new TreeSet<>(devstackServices.keySet()), platformServicesOfCompose(), "compose vs devstack");
        assertEquals(new TreeSet<>(devstackServices.keySet()), new TreeSet<>(chartServices.keySet()), "chart vs devstack");
    }

    @Test
    void eachServiceKeepsTheSameDatabaseEverywhere() {
        devstackServices.forEach((service, database) -> {
            assertEquals(database, chartServices.get(service).get("database"), "chart database of " + service);
            Object url = environment(service).get("CONCORDAT_DB_URL");
            assertEquals(database, url == null ? "" : url.toString().substring(url.toString().lastIndexOf('/') + 1),
                    "compose database of " + service);
        });
        Set<String> databases = devstackServices.values().stream().filter(d -> !d.isEmpty()).collect(Collectors.toSet());
        Set<String> created = Set.of(((String) environment("postgres").get("CONCORDAT_DATABASES")).split(" "));
        assertEquals(databases, created, "databases compose's PostgreSQL creates");
    }

    @Test
    void portsMatch() {
        int next = devstackPorts.get(1);
        for (String service : devstackServices.keySet()) {
            int[] mapping = published(service);
            int devstackPort = service.equals("gateway") ? devstackPorts.get(0) : next++;
            assertEquals(devstackPort, mapping[0], "host port of " + service + " (compose vs devstack)");
            assertEquals(chartServices.get(service).get("port"), mapping[1], "container port of " + service + " (compose vs chart)");
            assertEquals(String.valueOf(mapping[1]), environment(service).get("CONCORDAT_HTTP_PORT").toString(), service);
        }
        assertEquals(devstackPorts.get(2), published("keycloak")[0], "Keycloak");
        assertEquals(devstackPorts.get(3), published("postgres")[0], "PostgreSQL");
        assertEquals(devstackPorts.get(4), published("kafka")[0], "Kafka");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theGatewaysManagementPortIsTheSameEverywhereAndOnlyTheClusterReachesIt() throws IOException {
        Matcher offset = Pattern.compile("int gatewayManagement\\(\\) \\{\\s*return gateway \\+ (\\d+);")
                .matcher(Files.readString(DEVSTACK.resolve("Ports.java")));
        assertTrue(offset.find(), "Ports.gatewayManagement() not found");
        int devstackPort = devstackPorts.get(0) + Integer.parseInt(offset.group(1));
        List<String> ports = at(composeServices.get("gateway"), "ports");
        Object chartPort = chartServices.get("gateway").get("managementPort");
        assertTrue(ports.contains("127.0.0.1:" + devstackPort + ":" + chartPort), "compose publishes " + ports);
        assertEquals(String.valueOf(chartPort), environment("gateway").get("CONCORDAT_MANAGEMENT_PORT"), "compose");

        List<Map<String, Object>> objects = Rendered.objects("production");
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            List<Map<String, Object>> rules = at(ingress, "spec", "rules");
            for (Map<String, Object> rule : rules) {
                List<Map<String, Object>> paths = at(rule, "http", "paths");
                paths.forEach(p -> assertEquals("http", at(p, "backend", "service", "port", "name"), "the Ingress routes to"));
            }
        }
        Map<String, Object> gateway = ofKind(objects, "Deployment").stream()
                .filter(d -> "gateway".equals(at(d, "metadata", "labels", "app.kubernetes.io/name"))).findFirst().orElseThrow();
        List<Map<String, Object>> containers = at(gateway, "spec", "template", "spec", "containers");
        assertEquals("management", at(containers.get(0), "readinessProbe", "httpGet", "port"));
        Map<String, Object> policy = ofKind(objects, "NetworkPolicy").stream()
                .filter(p -> "gateway".equals(at(p, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")))
                .findFirst().orElseThrow();
        List<Map<String, Object>> ingress = at(policy, "spec", "ingress");
        Map<String, Object> management = ingress.stream()
                .filter(r -> "management".equals(((List<Map<String, Object>>) r.get("ports")).get(0).get("port")))
                .findFirst().orElseThrow(() -> new AssertionError("no rule for the management port"));
        List<Map<String, Object>> from = at(management, "from");
        assertTrue(from != null && from.stream().noneMatch(peer -> peer.containsKey("ipBlock")),
                "the management port is open beyond the cluster: " + from);
    }

    @Test
    void composeRunsTheImagesTheChartNames() {
        for (Map<String, Object> deployment : ofKind(Rendered.objects("minimal"), "Deployment")) {
            String service = at(deployment, "metadata", "labels", "app.kubernetes.io/name");
            List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
            assertEquals(containers.get(0).get("image"), composeServices.get(service).get("image"), name(deployment));
        }
    }

    @Test
    void eachServiceGetsTheSameSettingsFromComposeAndTheChart() {
        List<Map<String, Object>> objects = Rendered.objects("minimal");
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            String service = at(deployment, "metadata", "labels", "app.kubernetes.io/name");
            Set<String> chart = new TreeSet<>();
            Map<String, Object> settings = ofKind(objects, "ConfigMap").stream()
                    .filter(c -> service.equals(at(c, "metadata", "labels", "app.kubernetes.io/name"))).findFirst().orElseThrow();
            chart.addAll(((Map<String, Object>) at(settings, "data")).keySet());
            List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
            List<Map<String, Object>> env = at(containers.get(0), "env");
            if (env != null) {
                env.forEach(e -> chart.add((String) e.get("name")));
            }
            Set<String> compose = new TreeSet<>(environment(service).keySet());
            // The development-only switches: first passwords shown to whoever provisions an authority or
            // invites a person, no second factor asked of the admins it invites, and partners' webhooks
            // allowed over plain HTTP to loopback.
            compose.remove("CONCORDAT_PROVISIONING_REVEAL_INITIAL_PASSWORD");
            compose.remove("CONCORDAT_IDENTITY_ADMIN_SECOND_FACTOR");
            compose.remove("CONCORDAT_PARTNERS_WEBHOOKS_ALLOW_HTTP");
            compose.remove("CONCORDAT_PARTNERS_WEBHOOKS_ALLOW_LOOPBACK");
            assertEquals(chart, compose, "settings of " + service + " (chart vs compose)");
        }
    }

    @Test
    void composeSetsEverySettingTheDevstackSets() throws IOException {
        String devstack = Files.readString(DEVSTACK.resolve("Devstack.java"));
        Set<String> devstackSettings = new TreeSet<>();
        Matcher property = Pattern.compile("\"(?:-D)?(concordat\\.[a-z.-]+[a-z])(?:=|\")").matcher(devstack);
        while (property.find()) {
            if (property.group(1).equals("concordat.routes")) {
                devstackServices.keySet().stream().filter(s -> !s.equals("gateway"))
                        .forEach(s -> devstackSettings.add(asEnvironment("concordat.routes." + s)));
            } else if (!property.group(1).equals("concordat.root")) {
                devstackSettings.add(asEnvironment(property.group(1)));
            }
        }
        Set<String> composeSettings = composeServices.entrySet().stream().filter(e -> !INFRASTRUCTURE.contains(e.getKey()))
                .flatMap(e -> ((Map<String, Object>) e.getValue().get("environment")).keySet().stream())
                .filter(k -> k.startsWith("CONCORDAT_")).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(devstackSettings.size() > 10, "read too few devstack settings: " + devstackSettings);
        Set<String> missing = new TreeSet<>(devstackSettings);
        missing.removeAll(composeSettings);
        assertEquals(Set.of(), missing, "set by the devstack, not by compose");
    }

    private static String asEnvironment(String property) {
        return property.toUpperCase().replace('.', '_').replace('-', '_');
    }
}
