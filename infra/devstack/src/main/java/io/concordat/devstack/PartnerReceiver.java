package io.concordat.devstack;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo partner's webhook endpoint: the Bromsgrove finance system as the development stack
 * plays it. Answers 200 to every post and writes one line per delivery (its webhook-id and
 * CloudEvent) to {@code logs/partner-receiver.log}, so the demo shows webhooks arriving.
 */
final class PartnerReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Path log;
    private final List<String> webhookIds = new CopyOnWriteArrayList<>();

    PartnerReceiver(int port, Path log) {
        this.log = log;
        try {
            Files.createDirectories(log.getParent());
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo partner's receiver cannot listen on port " + port, e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            webhookIds.add(String.valueOf(id));
            String line = Instant.now() + " " + exchange.getRequestURI().getPath() + " webhook-id=" + id + " " + body + "\n";
            synchronized (this) {
                Files.writeString(log, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** The webhook-ids received since the stack started. */
    List<String> webhookIds() {
        return List.copyOf(webhookIds);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
