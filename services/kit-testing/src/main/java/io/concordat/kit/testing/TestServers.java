package io.concordat.kit.testing;

import io.concordat.servers.KafkaBroker;
import io.concordat.servers.PostgresServer;
import io.concordat.servers.Waiting;

import java.nio.file.Path;

/**
 * The real servers a test JVM shares: one PostgreSQL and one Kafka broker, started on first use
 * and stopped when the JVM exits. {@code CONCORDAT_TEST_PG_PORT} and
 * {@code CONCORDAT_TEST_KAFKA} name servers that are already running instead;
 * {@code CONCORDAT_TEST_CONTAINERS=true} takes both from Docker through Testcontainers
 * ({@link ContainerServers}). The default, embedded servers, needs no Docker.
 */
public final class TestServers {

    private static final Path ROOT = Path.of("target", "test-servers").toAbsolutePath();
    private static PostgresServer postgres;
    private static KafkaBroker kafka;

    private TestServers() {
    }

    public static synchronized int postgresPort() {
        String external = System.getenv("CONCORDAT_TEST_PG_PORT");
        if (external != null) {
            return Integer.parseInt(external);
        }
        if (ContainerServers.requested()) {
            return ContainerServers.postgresPort();
        }
        if (postgres == null) {
            postgres = PostgresServer.start(0, ROOT.resolve("pg-data"), ROOT.resolve("pg-bin"), true);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-test-postgres"));
        }
        return postgres.port();
    }

    public static synchronized String kafkaBootstrapServers() {
        String external = System.getenv("CONCORDAT_TEST_KAFKA");
        if (external != null) {
            return external;
        }
        if (ContainerServers.requested()) {
            return ContainerServers.kafkaBootstrapServers();
        }
        return kafka().bootstrapServers();
    }

    /**
     * The broker this JVM started, for tests that stop and restart it.
     *
     * @throws IllegalStateException when the broker is an external one
     */
    public static synchronized KafkaBroker kafka() {
        if (System.getenv("CONCORDAT_TEST_KAFKA") != null) {
            throw new IllegalStateException("Kafka is external (CONCORDAT_TEST_KAFKA); this test needs one it can stop");
        }
        if (ContainerServers.requested()) {
            throw new IllegalStateException("Kafka comes from Testcontainers (CONCORDAT_TEST_CONTAINERS); this test stops and"
                    + " restarts the broker, which only the embedded one does: run it without CONCORDAT_TEST_CONTAINERS");
        }
        if (kafka == null) {
            deleteRecursively(ROOT.resolve("kafka"));
            kafka = KafkaBroker.start(ROOT.resolve("kafka"), freePort(), freePort(), Waiting.Progress.SILENT);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-test-kafka"));
        }
        return kafka;
    }

    public static PostgresServer.ServiceDatabase database(String name) {
        return PostgresServer.ensureServiceDatabase(postgresPort(), name);
    }

    private static int freePort() {
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!java.nio.file.Files.exists(path)) {
            return;
        }
        try (var walk = java.nio.file.Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
