package io.concordat.gateway;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * Stands in for a service behind the gateway: records each request that reached it, whole, and
 * answers {@code {"ok":true}}. A thread per exchange, as a service's event loop never waits on one
 * client: a request that is never finished holds only its own exchange.
 */
final class StandInService implements AutoCloseable {

    /** What reached the service; {@code bodyLength} is -1 when the body did not arrive whole. */
    record Received(String method, String target, Headers headers, int bodyLength) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpServer server;

    StandInService() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            int length;
            try {
                length = exchange.getRequestBody().readAllBytes().length;
            } catch (IOException cutShort) {
                length = -1;
            }
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), length));
            byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        // as the portal starts a sign-in: a redirect to the identity provider, with the cookies it checks on return
        server.createContext("/oauth/login/", exchange -> {
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    exchange.getRequestHeaders(), 0));
            exchange.getResponseHeaders().add("Location", SIGN_IN_PAGE);
            exchange.getResponseHeaders().add("Set-Cookie", "OAUTH2_STATE=s1; Path=/; HttpOnly");
            exchange.getResponseHeaders().add("Set-Cookie", "OAUTH2_PKCE=p1; Path=/; HttpOnly");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
    }

    /** Where the stand-in's sign-in redirect points: nothing answers there. */
    static final String SIGN_IN_PAGE = "http://127.0.0.1:1/realms/concordat/protocol/openid-connect/auth";

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    void forget() {
        received.clear();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
