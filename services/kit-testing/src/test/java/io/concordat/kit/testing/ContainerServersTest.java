package io.concordat.kit.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ContainerServersTest {

    @Test
    void theEmbeddedServersAreTheDefault() {
        assumeTrue(System.getenv("CONCORDAT_TEST_CONTAINERS") == null && System.getProperty("concordat.test.containers") == null,
                "this run asks for Testcontainers");
        assertFalse(ContainerServers.requested());
    }

    @Test
    void postgresAndKafkaComeFromDockerImagesWhenAskedFor() throws Exception {
        assumeTrue(ContainerServers.dockerAvailable(),
                "no Docker here, so the Testcontainers option cannot run; the tests use the embedded PostgreSQL and Kafka");

        int port = ContainerServers.postgresPort();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
             ResultSet rs = c.createStatement().executeQuery("show server_version_num")) {
            assertTrue(rs.next());
            assertEquals(17, rs.getInt(1) / 10000);
        }
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, ContainerServers.kafkaBootstrapServers()))) {
            assertEquals(1, admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size());
        }
    }
}
