package io.concordat.gateway;

import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.concordat.servers.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * What a gateway under test needs: the test token issuer, every route, free public and management ports and
 * its own database (the rate limits' buckets) on the test PostgreSQL.
 */
final class GatewayTestProperties {

    static final String DATABASE = "gateway";

    private GatewayTestProperties() {
    }

    static Map<String, String> of(String upstream) {
        Map<String, String> properties = new HashMap<>();
        properties.put("concordat.oidc.issuer", TestTokens.get().issuer());
        for (String service : new String[] {"tenants", "opportunities", "hosting", "reporting", "partner-events", "portal"}) {
            properties.put("concordat.routes." + service, upstream);
        }
        properties.put("concordat.management.port", String.valueOf(freePort()));
        // not 8080: a development stack on the same machine listens there
        properties.put("concordat.http.port", String.valueOf(freePort()));
        PostgresServer.ServiceDatabase db = TestServers.database(DATABASE);
        properties.put("concordat.db.url", db.jdbcUrl());
        properties.put("concordat.db.owner-user", db.ownerUser());
        properties.put("concordat.db.owner-password", db.ownerPassword());
        properties.put("concordat.db.app-user", db.appUser());
        properties.put("concordat.db.app-password", db.appPassword());
        return properties;
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
