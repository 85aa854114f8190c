package io.concordat.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static io.concordat.deploy.Rendered.ROOT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The root pom's bannedDependencies rule, shown failing: Maven is run on a small module
 * (src/test/probes/banned-dependencies) that inherits the root pom and brings a vulnerable version
 * back, directly or through the library that brought it before. The same module without them builds.
 */
class BannedDependenciesTest {

    private static final Path PROBE = ROOT.resolve("infra/deploy/src/test/probes/banned-dependencies/pom.xml");

    @Test
    void a_module_with_only_the_fixed_versions_passes_the_rule() throws Exception {
        Run run = maven();
        assertEquals(0, run.exit(), run.output());
    }

    @Test
    void the_unmaintained_lz4_java_fails_the_build() throws Exception {
        Run run = maven("-Pold-lz4");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("BannedDependencies failed"), run.output());
        assertTrue(run.output().contains("org.lz4:lz4-java:jar:1.8.0 <--- banned"), run.output());
    }

    @Test
    void commons_io_before_2_14_through_the_keycloak_admin_client_fails_the_build() throws Exception {
        Run run = maven("-Pold-commons-io");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("BannedDependencies failed"), run.output());
        assertTrue(run.output().contains("commons-io:commons-io:jar:2.11.0 <--- banned"), run.output());
    }

    private record Run(int exit, String output) {
    }

    private static Run maven(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(ROOT.resolve("mvnw").toString(), "-B", "-f", PROBE.toString()));
        if ("offline=true".equals(System.getProperty("concordat.maven.offline"))) {
            command.add("-o");
        }
        command.addAll(List.of(args));
        command.add("validate");
        Path log = Files.createTempFile("banned-dependencies", ".log");
        Process maven = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!maven.waitFor(5, TimeUnit.MINUTES)) {
            maven.destroyForcibly();
            throw new IllegalStateException("Maven did not finish within 5 minutes: " + command);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Run(maven.exitValue(), output);
    }
}
