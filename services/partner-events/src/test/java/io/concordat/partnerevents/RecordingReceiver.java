package io.concordat.partnerevents;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A partner's webhook endpoint on 127.0.0.1 for the tests: records every post (its webhook
 * headers and body) per path, and answers each path as told: 200, 503, 410 or slowly.
 */
final class RecordingReceiver implements AutoCloseable {

    enum Answer { OK, UNAVAILABLE, GONE, SLOW }

    /** One post received. */
    record Post(String webhookId, String timestamp, String signature, String body, int status) {
    }

    private final HttpServer server;
    private final Map<String, List<Post>> posts = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();

    RecordingReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var h = exchange.getRequestHeaders();
            Answer answer = answers.getOrDefault(path, Answer.OK);
            int status = switch (answer) {
                case OK, SLOW -> 200;
                case UNAVAILABLE -> 503;
                case GONE -> 410;
            };
            posts.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Post(h.getFirst("webhook-id"),
                    h.getFirst("webhook-timestamp"), h.getFirst("webhook-signature"), body, status));
            if (answer == Answer.SLOW) {
                try {
                    Thread.sleep(4_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] reply = ("answered " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, reply.length);
            exchange.getResponseBody().write(reply);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(String path, Answer answer) {
        answers.put(path, answer);
    }

    List<Post> posts(String path) {
        return List.copyOf(posts.getOrDefault(path, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
