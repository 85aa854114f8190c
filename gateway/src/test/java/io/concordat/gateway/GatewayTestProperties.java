package io.concordat.gateway;

import io.concordat.kit.testing.TestTokens;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/** What a gateway under test needs: the test token issuer, every route and a free management port. */
final class GatewayTestProperties {

    private GatewayTestProperties() {
    }

    static Map<String, String> of(String upstream) {
        Map<String, String> properties = new HashMap<>();
        properties.put("concordat.oidc.issuer", TestTokens.get().issuer());
        for (String service : new String[] {"tenants", "opportunities", "hosting", "reporting", "partner-events", "portal"}) {
            properties.put("concordat.routes." + service, upstream);
        }
        properties.put("concordat.management.port", String.valueOf(freePort()));
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
