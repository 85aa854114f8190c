package io.concordat.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static io.concordat.deploy.Rendered.at;
import static io.concordat.deploy.Rendered.name;
import static io.concordat.deploy.Rendered.ofKind;
import static io.concordat.deploy.Rendered.objects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the chart renders with each ci/*.yaml: the rules an operator relies on, checked on the
 * objects themselves rather than on the templates.
 */
class ChartTest {

    static List<String> valuesFiles() {
        return Rendered.valuesFiles();
    }

    static List<Map<String, Object>> containers(Map<String, Object> deployment) {
        return at(deployment, "spec", "template", "spec", "containers");
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void rendersEveryEnabledServiceAsOneDeploymentServiceAndSettings(String values) {
        List<Map<String, Object>> objects = objects(values);
        Map<String, Long> counts = objects.stream()
                .collect(Collectors.groupingBy(o -> (String) o.get("kind"), TreeMap::new, Collectors.counting()));
        System.out.printf("%s: %d objects %s%n", values, objects.size(), counts);
        int deployments = ofKind(objects, "Deployment").size();
        assertTrue(deployments >= 6, values + ": " + deployments + " deployments");
        assertEquals(deployments, ofKind(objects, "Service").size());
        assertEquals(deployments, ofKind(objects, "ConfigMap").size());
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyContainerHasProbesRequestsAndLimits(String values) {
        for (Map<String, Object> deployment : ofKind(objects(values), "Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                String where = values + " " + name(deployment) + "/" + container.get("name");
                for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                    String path = at(container, probe, "httpGet", "path");
                    assertNotNull(path, where + " has no " + probe);
                    assertTrue(path.startsWith("/health"), where + " " + probe + " is not on a health endpoint: " + path);
                }
                for (String kind : List.of("requests", "limits")) {
                    assertNotNull(at(container, "resources", kind, "cpu"), where + " has no cpu " + kind);
                    assertNotNull(at(container, "resources", kind, "memory"), where + " has no memory " + kind);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyContainerRunsAsNonRootOnAReadOnlyRootFilesystemWithoutPrivileges(String values) {
        for (Map<String, Object> deployment : ofKind(objects(values), "Deployment")) {
            Map<String, Object> pod = at(deployment, "spec", "template", "spec");
            assertEquals(Boolean.TRUE, at(pod, "securityContext", "runAsNonRoot"), name(deployment));
            assertEquals(Boolean.FALSE, pod.get("automountServiceAccountToken"), name(deployment));
            for (Map<String, Object> container : containers(deployment)) {
                String where = values + " " + name(deployment) + "/" + container.get("name");
                Map<String, Object> security = at(container, "securityContext");
                assertNotNull(security, where);
                assertEquals(Boolean.TRUE, security.get("runAsNonRoot"), where);
                assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), where);
                assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), where);
                assertEquals(List.of("ALL"), at(security, "capabilities", "drop"), where);
                List<Map<String, Object>> mounts = at(container, "volumeMounts");
                assertTrue(mounts.stream().anyMatch(m -> "/tmp".equals(m.get("mountPath"))), where + " has no writable /tmp");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void everyDeploymentHasAPodDisruptionBudgetSelectingItsPods(String values) {
        List<Map<String, Object>> objects = objects(values);
        List<Map<String, Object>> budgets = ofKind(objects, "PodDisruptionBudget");
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            Map<String, Object> podLabels = at(deployment, "spec", "template", "metadata", "labels");
            assertTrue(budgets.stream().anyMatch(b -> {
                Map<String, Object> selector = at(b, "spec", "selector", "matchLabels");
                return selector != null && podLabels.entrySet().containsAll(selector.entrySet());
            }), values + ": no PodDisruptionBudget for " + name(deployment));
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void noCredentialIsRenderedLiterally(String values) {
        List<Map<String, Object>> objects = objects(values);
        for (Map<String, Object> secret : ofKind(objects, "Secret")) {
            assertNull(secret.get("data"), values + ": Secret " + name(secret) + " has literal data");
            assertNull(secret.get("stringData"), values + ": Secret " + name(secret) + " has literal data");
        }
        for (Map<String, Object> settings : ofKind(objects, "ConfigMap")) {
            Map<String, Object> data = at(settings, "data");
            data.keySet().forEach(key -> assertFalse(key.matches(".*(PASSWORD|SECRET).*"),
                    values + ": " + name(settings) + " holds " + key));
        }
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            for (Map<String, Object> container : containers(deployment)) {
                List<Map<String, Object>> env = at(container, "env");
                for (Map<String, Object> variable : env == null ? List.<Map<String, Object>>of() : env) {
                    if (((String) variable.get("name")).matches(".*(PASSWORD|SECRET|USER).*")) {
                        assertNull(variable.get("value"), name(deployment) + " " + variable.get("name") + " is literal");
                        assertNotNull(at(variable, "valueFrom", "secretKeyRef", "name"), name(deployment) + " " + variable.get("name"));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void theGatewaySendsStrictTransportSecurityWhereverTheChartInstalls(String values) {
        Map<String, Object> settings = ofKind(objects(values), "ConfigMap").stream()
                .filter(c -> "gateway".equals(at(c, "metadata", "labels", "app.kubernetes.io/name"))).findFirst().orElseThrow();
        assertEquals("true", at(settings, "data", "CONCORDAT_GATEWAY_HSTS_ENABLED"), values);
    }

    @ParameterizedTest
    @MethodSource("valuesFiles")
    void onlyTheGatewayIsReachableFromOutside(String values) {
        List<Map<String, Object>> objects = objects(values);
        for (Map<String, Object> ingress : ofKind(objects, "Ingress")) {
            List<Map<String, Object>> rules = at(ingress, "spec", "rules");
            for (Map<String, Object> rule : rules) {
                List<Map<String, Object>> paths = at(rule, "http", "paths");
                paths.forEach(p -> assertTrue(((String) at(p, "backend", "service", "name")).endsWith("-gateway")));
            }
        }
        for (Map<String, Object> service : ofKind(objects, "Service")) {
            assertEquals("ClusterIP", at(service, "spec", "type"), name(service));
        }
        List<Map<String, Object>> policies = ofKind(objects, "NetworkPolicy");
        assertTrue(policies.stream().anyMatch(p -> ((Map<?, ?>) at(p, "spec", "podSelector", "matchLabels")).containsKey(
                "app.kubernetes.io/part-of") && at(p, "spec", "ingress") == null), values + ": no default-deny policy");
        for (Map<String, Object> deployment : ofKind(objects, "Deployment")) {
            String service = at(deployment, "metadata", "labels", "app.kubernetes.io/name");
            if (service.equals("gateway")) {
                continue;
            }
            Map<String, Object> policy = policies.stream()
                    .filter(p -> service.equals(at(p, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name")))
                    .findFirst().orElseThrow(() -> new AssertionError(values + ": no NetworkPolicy for " + service));
            List<Map<String, Object>> ingress = at(policy, "spec", "ingress");
            for (Map<String, Object> rule : ingress) {
                List<Map<String, Object>> from = at(rule, "from");
                assertNotNull(from, service + " is open to anyone");
                from.forEach(peer -> assertEquals("gateway", at(peer, "podSelector", "matchLabels", "app.kubernetes.io/name"),
                        service + " admits more than the gateway"));
            }
        }
    }

    @Test
    void productionScalesTheStatelessServicesButNeverReporting() {
        List<Map<String, Object>> objects = objects("production");
        Set<String> deployments = ofKind(objects, "Deployment").stream().map(Rendered::name).collect(Collectors.toSet());
        List<Map<String, Object>> autoscalers = ofKind(objects, "HorizontalPodAutoscaler");
        assertFalse(autoscalers.isEmpty());
        for (Map<String, Object> hpa : autoscalers) {
            String target = at(hpa, "spec", "scaleTargetRef", "name");
            assertTrue(deployments.contains(target), target);
            assertFalse(target.endsWith("-reporting"), "reporting must not autoscale");
        }
        Map<String, Object> reporting = ofKind(objects, "Deployment").stream()
                .filter(d -> name(d).endsWith("-reporting")).findFirst().orElseThrow();
        assertEquals(1, (int) at(reporting, "spec", "replicas"));
        assertEquals("Recreate", at(reporting, "spec", "strategy", "type"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedBySchema() {
        Rendered.HelmResult result = Rendered.template("minimal", "--set-string", "serviceDefaults.replicas=two");
        assertNotEquals(0, result.exitCode(), result.out());
        assertTrue(result.err().contains("/serviceDefaults/replicas"), result.err());
    }

    @Test
    void reportingIsRefusedMoreThanOnePod() {
        Rendered.HelmResult replicas = Rendered.template("minimal", "--set", "services.reporting.replicas=2");
        assertNotEquals(0, replicas.exitCode(), replicas.out());
        Rendered.HelmResult autoscaled = Rendered.template("minimal", "--set", "services.reporting.autoscaling.enabled=true");
        assertNotEquals(0, autoscaled.exitCode(), autoscaled.out());
    }

    @Test
    void aServiceWithADatabaseIsRefusedWithoutItsSecret() {
        Rendered.HelmResult result = Rendered.template("minimal", "--set", "services.hosting.databaseSecret=");
        assertNotEquals(0, result.exitCode(), result.out());
        assertTrue(result.err().contains("services.hosting.databaseSecret"), result.err());
    }
}
