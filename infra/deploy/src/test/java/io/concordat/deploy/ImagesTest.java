package io.concordat.deploy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.concordat.deploy.Rendered.ROOT;
import static io.concordat.deploy.Rendered.at;
import static io.concordat.deploy.Rendered.ofKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Each service's image as the build wrote it (an OCI layout tarball from Jib, built twice):
 * what Kubernetes and Docker will run, read from the image's own config.
 */
class ImagesTest {

    record Module(String service, String folder, String mainClass) {
    }

    static Map<String, String> chartImages = new HashMap<>();

    static List<Module> modules() throws IOException {
        List<Module> modules = new ArrayList<>();
        Matcher service = Pattern.compile("new Service\\(\"([^\"]+)\", \"([^\"]+)\", \"([^\"]+)\"")
                .matcher(Files.readString(ROOT.resolve("infra/devstack/src/main/java/io/concordat/devstack/Service.java")));
        while (service.find()) {
            modules.add(new Module(service.group(1), service.group(2), service.group(3)));
        }
        return modules;
    }

    @BeforeAll
    static void chartImages() {
        for (Map<String, Object> deployment : ofKind(Rendered.objects("minimal"), "Deployment")) {
            List<Map<String, Object>> containers = at(deployment, "spec", "template", "spec", "containers");
            chartImages.put(at(deployment, "metadata", "labels", "app.kubernetes.io/name"), (String) containers.get(0).get("image"));
        }
    }

    /** The entries of an OCI layout tarball, small ones only (index, manifests, config). */
    private static Map<String, String> smallEntries(Path tar) throws IOException {
        Map<String, String> entries = new HashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replace("\0", "");
                long size = Long.parseLong(new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim(), 8);
                long padded = (size + 511) / 512 * 512;
                if (size < 64 * 1024) {
                    ByteArrayOutputStream content = new ByteArrayOutputStream();
                    content.write(in.readNBytes((int) size));
                    in.skipNBytes(padded - size);
                    entries.put(name, content.toString(StandardCharsets.UTF_8));
                } else {
                    in.skipNBytes(padded);
                }
            }
        }
        return entries;
    }

    private static Map<String, Object> json(String text) {
        return new Yaml(new LoaderOptions()).load(text);
    }

    @ParameterizedTest
    @MethodSource("modules")
    void eachImageRunsItsServiceAsNonRootOnItsPortAndRebuildsToTheSameDigest(Module module) throws IOException {
        assumeFalse(Boolean.getBoolean("concordat.images.skipped"), "images not built in this run (-Djib.skip=true)");
        Path dir = ROOT.resolve(module.folder()).resolve("target");
        Path tar = dir.resolve("image/image.tar");
        assertTrue(Files.exists(tar), tar + " missing: the package phase builds it");

        Map<String, String> entries = smallEntries(tar);
        Map<String, Object> index = json(entries.get("index.json"));
        List<Map<String, Object>> manifests = at(index, "manifests");
        String manifestDigest = (String) manifests.get(0).get("digest");
        Map<String, Object> manifest = json(entries.get("blobs/sha256/" + manifestDigest.substring(7)));
        String configDigest = at(manifest, "config", "digest");
        Map<String, Object> config = at(json(entries.get("blobs/sha256/" + configDigest.substring(7))), "config");

        String user = (String) config.get("User");
        assertNotNull(user, module.service() + " has no user");
        assertNotEquals("0", user.split(":")[0], module.service() + " runs as root");
        assertNotEquals("root", user.split(":")[0], module.service() + " runs as root");
        List<String> entrypoint = at(config, "Entrypoint");
        assertEquals("java", entrypoint.get(0));
        assertEquals(module.mainClass(), entrypoint.get(entrypoint.size() - 1), module.service() + " entrypoint");
        assertTrue(entrypoint.stream().anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage=")), "heap follows the container's memory");
        Map<String, Object> ports = at(config, "ExposedPorts");
        assertEquals(List.of("8080/tcp"), List.copyOf(ports.keySet()), module.service() + " ports");

        String name = at(manifests.get(0), "annotations", "org.opencontainers.image.ref.name");
        assertEquals(chartImages.get(module.service()), name, module.service() + ": the image the chart (and Compose) runs");

        String digest = Files.readString(dir.resolve("image/digest")).trim();
        assertEquals(manifestDigest, digest);
        assertEquals(digest, Files.readString(dir.resolve("image-again/digest")).trim(), module.service() + " built twice");
        System.out.printf("%s: %s, %d MB, %s%n", module.service(), name, Files.size(tar) / (1024 * 1024), digest);
    }
}
