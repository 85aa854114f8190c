package io.concordat.servers;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * An Apache Kafka broker in KRaft mode (broker and controller in one process), run in its own
 * JVM from the jars on Maven Central, listening on 127.0.0.1 only.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private ChildProcess process;

    private KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats {@code dir} on first use and starts the broker; returns once clients can use it. */
    /** Partitions of each topic created on first use; {@code -Dconcordat.kafka.partitions} changes it. */
    public static final int PARTITIONS = Integer.getInteger("concordat.kafka.partitions", 12);

    public static KafkaBroker start(Path dir, int port, int controllerPort, Waiting.Progress progress) {
        KafkaBroker broker = new KafkaBroker(dir, port, controllerPort);
        broker.start(progress);
        return broker;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public synchronized void start(Waiting.Progress progress) {
        if (isRunning()) {
            return;
        }
        Path config = writeConfig();
        if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
            format(config);
        }
        process = ChildProcess.start("kafka", javaCommand("kafka.Kafka", config.toString()), Map.of(), dir,
                dir.resolve("kafka.log"));
        Waiting.until("Kafka on " + bootstrapServers(), Duration.ofSeconds(90), process::isAlive, this::answers, progress);
    }

    /** Stops the broker; its data stays, and {@link #start} brings it back with every topic. */
    public synchronized void stop() {
        if (process != null) {
            process.stop();
            process = null;
        }
    }

    private void format(Path config) {
        ChildProcess format = ChildProcess.start("kafka-format",
                javaCommand("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()),
                Map.of(), dir, dir.resolve("kafka-format.log"));
        try {
            if (!waitFor(format, 60)) {
                throw new IllegalStateException("Kafka storage format failed:\n" + format.tail(20));
            }
        } finally {
            format.stop();
        }
    }

    private static boolean waitFor(ChildProcess child, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (child.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !child.isAlive() && !child.tail(50).contains("Exception");
    }

    private List<String> javaCommand(String mainClass, String... args) {
        Path log4j = Resources.copyTo("kafka-log4j.properties", dir.resolve("log4j.properties"));
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaExecutable(), "-Xms256m", "-Xmx512m",
                "-XX:+UseG1GC", "-Djava.awt.headless=true", "-Dlog4j.configuration=file:" + log4j,
                "-cp", Resources.text("kafka-classpath.txt"), mainClass));
        command.addAll(List.of(args));
        return command;
    }

    private Path writeConfig() {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.setProperty("log.dirs", dir.resolve("data").toString());
        // Topics are created on first use with this many partitions: records are keyed by aggregate id,
        // so each aggregate keeps its order while every consumer worker of every replica gets a share.
        // A topic that already exists keeps its count (adding partitions would move aggregates).
        p.setProperty("num.partitions", Integer.toString(PARTITIONS));
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("log.retention.hours", "-1");
        try {
            Files.createDirectories(dir);
            Path config = dir.resolve("server.properties");
            try (var out = Files.newBufferedWriter(config)) {
                p.store(out, "written by the Concordat devstack");
            }
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean answers() {
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1500,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty();
        } catch (Exception notYet) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
