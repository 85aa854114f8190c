package io.concordat.kit.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * PostgreSQL and Kafka from Docker images through Testcontainers, for those who ask for them
 * ({@code CONCORDAT_TEST_CONTAINERS=true} or {@code -Dconcordat.test.containers=true}) instead of
 * the embedded servers. The same major versions as the embedded ones and as Compose: PostgreSQL 17,
 * Kafka 3.9.1 in KRaft mode. Loaded only when asked for, so the default needs no Docker.
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:17";
    static final String KAFKA_IMAGE = "apache/kafka:3.9.1";

    private static PostgreSQLContainer<?> postgres;
    private static KafkaContainer kafka;

    private ContainerServers() {
    }

    static boolean requested() {
        return Boolean.parseBoolean(System.getProperty("concordat.test.containers", System.getenv("CONCORDAT_TEST_CONTAINERS")));
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    private static void requireDocker() {
        if (!dockerAvailable()) {
            throw new IllegalStateException("CONCORDAT_TEST_CONTAINERS asks for PostgreSQL and Kafka from Docker, but no Docker"
                    + " is reachable; unset it to use the embedded servers");
        }
    }

    /** The mapped port of a PostgreSQL that trusts local connections as the embedded one does. */
    static synchronized int postgresPort() {
        if (postgres == null) {
            requireDocker();
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>(DockerImageName.parse(POSTGRES_IMAGE))
                    .withEnv("POSTGRES_HOST_AUTH_METHOD", "trust")
                    .withUsername("postgres");
            container.start();
            requireLocal(container.getHost());
            postgres = container;
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-postgres-container"));
        }
        return postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
    }

    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            requireDocker();
            KafkaContainer container = new KafkaContainer(DockerImageName.parse(KAFKA_IMAGE));
            container.start();
            kafka = container;
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "stop-test-kafka-container"));
        }
        return kafka.getBootstrapServers();
    }

    // The test databases are addressed as 127.0.0.1:<port>, as the embedded server is.
    private static void requireLocal(String host) {
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            throw new IllegalStateException("Docker publishes ports on " + host + "; the tests reach PostgreSQL on 127.0.0.1 only");
        }
    }
}
