package io.concordat.kit.testing;

import io.concordat.servers.PostgresServer;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties that point a service under test at the shared test servers: its own database
 * on the test PostgreSQL, the test Kafka broker and the test token issuer, and a free HTTP port.
 * Return them from a test's {@code TestPropertyProvider}.
 */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    public static Map<String, String> of(String database) {
        PostgresServer.ServiceDatabase db = TestServers.database(database);
        Map<String, String> properties = new HashMap<>();
        properties.put("concordat.db.url", db.jdbcUrl());
        properties.put("concordat.db.owner-user", db.ownerUser());
        properties.put("concordat.db.owner-password", db.ownerPassword());
        properties.put("concordat.db.app-user", db.appUser());
        properties.put("concordat.db.app-password", db.appPassword());
        properties.put("concordat.kafka.bootstrap-servers", TestServers.kafkaBootstrapServers());
        properties.put("concordat.oidc.issuer", TestTokens.get().issuer());
        properties.put("concordat.outbox.relay.idle-wait", "250ms");
        // a free port each time: suites of several services run side by side on one machine
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
