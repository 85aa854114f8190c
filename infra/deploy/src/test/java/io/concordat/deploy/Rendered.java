package io.concordat.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The chart as the build rendered it (target/rendered/&lt;values&gt;.yaml, one per ci/*.yaml), and
 * helm itself for renderings a test makes on purpose.
 */
final class Rendered {

    static final Path ROOT = Path.of(System.getProperty("concordat.root", "../..")).toAbsolutePath().normalize();
    static final Path CHART = ROOT.resolve("helm/concordat");
    static final Path DIR = Path.of(System.getProperty("concordat.rendered", "target/rendered"));
    static final Path HELM = Path.of(System.getProperty("concordat.helm", "target/tools/helm"));

    private Rendered() {
    }

    /** The values files under ci/, each of which the build rendered. */
    static List<String> valuesFiles() {
        try (Stream<Path> files = Files.list(CHART.resolve("ci"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Map<String, Object>> objects(String values) {
        try {
            return parse(Files.readString(DIR.resolve(values + ".yaml")));
        } catch (IOException e) {
            throw new IllegalStateException("not rendered: " + values + " (the build's check-chart step renders it)", e);
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object doc : new Yaml(new LoaderOptions()).loadAll(manifests)) {
            if (doc instanceof Map<?, ?> map) {
                objects.add((Map<String, Object>) map);
            }
        }
        return objects;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> objects, String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    /** Walks a path of map keys; null when any step is missing. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... keys) {
        Object current = node;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    static String name(Map<String, Object> object) {
        return at(object, "metadata", "name");
    }

    /** Runs helm template with a values file and extra arguments. */
    static HelmResult template(String values, String... extra) {
        List<String> command = new ArrayList<>(List.of(HELM.toString(), "template", "concordat", CHART.toString(),
                "-f", CHART.resolve("ci/" + values + ".yaml").toString()));
        command.addAll(List.of(extra));
        try {
            Path home = Files.createTempDirectory("helm-home");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
            builder.environment().put("HELM_CACHE_HOME", home.resolve("cache").toString());
            builder.environment().put("HELM_CONFIG_HOME", home.resolve("config").toString());
            builder.environment().put("HELM_DATA_HOME", home.resolve("data").toString());
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("helm did not finish");
            }
            return new HelmResult(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record HelmResult(int exitCode, String out, String err) {
    }
}
