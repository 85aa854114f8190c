package io.concordat.partnerevents.delivery;

import io.concordat.partnerevents.app.CloudEventBodies;
import io.concordat.partnerevents.app.PausedEndpoints;
import io.concordat.partnerevents.app.PartnerIdentity;
import io.concordat.partnerevents.app.PartnerTransactions;
import io.concordat.partnerevents.app.Replay;
import io.concordat.partnerevents.domain.Audience;
import io.concordat.partnerevents.domain.LoggedEvent;
import io.concordat.partnerevents.domain.RetrySchedule;
import io.concordat.partnerevents.domain.Subscription;
import io.concordat.partnerevents.store.Deliveries;
import io.concordat.partnerevents.store.EventLog;
import io.concordat.partnerevents.store.Subscriptions;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Turns the log into webhook deliveries and sends them. Fan-out writes one delivery row per
 * event and webhook subscription whose partner may read the event; sending takes the due ones,
 * each subscription on its own worker, so one slow endpoint never holds up another. All state is
 * in PostgreSQL: a restart picks up where it stopped, and an event is sent at least once.
 */
@Singleton
@Requires(property = "concordat.partners.delivery.enabled", notEquals = "false")
public class DeliveryWorker {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryWorker.class);

    private final PartnerTransactions transactions;
    private final EventLog log;
    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final Replay replay;
    private final WebhookSender sender;
    private final CloudEventBodies bodies;
    private final Clock clock;
    private final RetrySchedule schedule = new RetrySchedule(() -> ThreadLocalRandom.current().nextDouble());
    private final Duration idle;
    private final ExecutorService senders;
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private final PausedEndpoints paused;
    private volatile boolean running;
    private Thread thread;

    public DeliveryWorker(PartnerTransactions transactions, EventLog log, Subscriptions subscriptions,
                          Deliveries deliveries, Replay replay, WebhookSender sender, CloudEventBodies bodies, Clock clock,
                          PausedEndpoints paused,
                          @Value("${concordat.partners.delivery.idle-wait:200ms}") Duration idle,
                          @Value("${concordat.partners.delivery.senders:16}") int senders) {
        this.transactions = transactions;
        this.log = log;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.replay = replay;
        this.sender = sender;
        this.bodies = bodies;
        this.clock = clock;
        this.paused = paused;
        this.idle = idle;
        this.senders = Executors.newFixedThreadPool(senders, r -> {
            Thread t = new Thread(r, "webhook-sender");
            t.setDaemon(true);
            return t;
        });
    }

    @EventListener
    void onStartup(StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "webhook-deliveries");
        thread.setDaemon(true);
        thread.start();
    }

    @PreDestroy
    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread.join(5_000);
        }
        senders.shutdownNow();
        senders.awaitTermination(5, TimeUnit.SECONDS);
    }

    private void run() {
        while (running) {
            try {
                boolean fannedOut = fanOut();
                boolean sent = dispatch();
                if (!fannedOut && !sent) {
                    Thread.sleep(idle.toMillis());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("Webhook deliveries paused a moment: {}", e.getMessage());
                try {
                    Thread.sleep(1_000);
                } catch (InterruptedException stopping) {
                    return;
                }
            }
        }
    }

    /** Writes deliveries for the next events in the log; true when there were any. */
    boolean fanOut() {
        return transactions.asPlatform(c -> {
            long from = deliveries.fanoutPosition();
            List<LoggedEvent> events = log.after(from, java.time.OffsetDateTime.parse("1970-01-01T00:00Z"), 500);
            if (events.isEmpty()) {
                return false;
            }
            List<Subscriptions.Stored> webhooks = subscriptions.activeWebhooks();
            Map<UUID, Audience> audiences = new HashMap<>();
            Instant now = clock.instant();
            for (LoggedEvent event : events) {
                for (Subscriptions.Stored s : webhooks) {
                    if (event.position() <= s.startPosition() || !s.subscription().wants(event)) {
                        continue;
                    }
                    Audience audience = audiences.computeIfAbsent(s.subscription().id(), id -> replay.audienceOf(
                            new PartnerIdentity(s.subscription().partnerId(), s.authorityId(), s.regionId())));
                    if (audience.mayRead(event)) {
                        deliveries.enqueue(s.subscription().id(), event, now);
                    }
                }
            }
            deliveries.fannedOutTo(events.get(events.size() - 1).position());
            return true;
        });
    }

    /** Hands the due deliveries to the senders, one worker per subscription; true when any were handed over. */
    boolean dispatch() {
        List<Deliveries.Delivery> due = transactions.asPlatform(c -> deliveries.due(clock.instant(), 500));
        Map<UUID, List<Deliveries.Delivery>> bySubscription = new LinkedHashMap<>();
        due.forEach(d -> bySubscription.computeIfAbsent(d.subscriptionId(), k -> new ArrayList<>()).add(d));
        boolean handed = false;
        for (Map.Entry<UUID, List<Deliveries.Delivery>> entry : bySubscription.entrySet()) {
            if (busy.add(entry.getKey())) {
                handed = true;
                senders.execute(() -> {
                    try {
                        entry.getValue().forEach(this::attempt);
                    } catch (RuntimeException e) {
                        LOG.warn("Deliveries to subscription {} stopped a moment: {}", entry.getKey(), e.getMessage());
                    } finally {
                        busy.remove(entry.getKey());
                    }
                });
            }
        }
        return handed;
    }

    private void attempt(Deliveries.Delivery delivery) {
        if (!running) {
            return;
        }
        Optional<Subscriptions.Stored> found = transactions.asPlatform(c -> subscriptions.find(delivery.subscriptionId()));
        if (found.isEmpty() || found.get().subscription().status() != Subscription.Status.ACTIVE) {
            return;
        }
        Subscriptions.Stored s = found.get();
        LoggedEvent event = transactions.asPlatform(c -> log.at(List.of(delivery.eventPosition()))).get(0);
        Instant now = clock.instant();
        List<String> secrets = new ArrayList<>(List.of(s.signingSecret()));
        if (s.previousSecret() != null && s.previousSecretUntil() != null && now.isBefore(s.previousSecretUntil())) {
            secrets.add(s.previousSecret());
        }
        // the signature's timestamp is the wall-clock moment of sending, which receivers check
        // against their own clocks; the service's clock only decides when an attempt is due
        WebhookSender.Outcome outcome = sender.send(s.subscription().webhook(), event.id().toString(),
                Instant.now().getEpochSecond(), bodies.bytes(event), secrets);
        int attempts = delivery.attempts() + 1;
        transactions.asPlatform(c -> {
            deliveries.recordAttempt(new Deliveries.Attempt(delivery.id(), attempts, now, outcome.status(),
                    outcome.durationMs(), outcome.outcome(), outcome.excerpt()));
            Instant firstFailed = delivery.firstFailedAt() == null ? now : delivery.firstFailedAt();
            if (outcome.delivered()) {
                deliveries.delivered(delivery, attempts, outcome.status(), now);
            } else if (outcome.gone()) {
                deliveries.failed(delivery, attempts, outcome.status(), firstFailed);
                subscriptions.update(s.subscription().withStatus(Subscription.Status.DISABLED),
                        "the endpoint answered 410 Gone", now);
            } else {
                Optional<Duration> wait = schedule.after(attempts);
                if (wait.isPresent()) {
                    deliveries.retryAt(delivery, attempts, outcome.status(), now.plus(wait.get()), firstFailed);
                } else {
                    deliveries.failed(delivery, attempts, outcome.status(), firstFailed);
                    String reason = "the endpoint failed every attempt since " + firstFailed;
                    subscriptions.update(s.subscription().withStatus(Subscription.Status.PAUSED), reason, now);
                    paused.announce(s, reason, firstFailed);
                }
            }
            return null;
        });
    }
}
