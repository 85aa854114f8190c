package io.concordat.partnerevents.messaging;

import io.concordat.events.EventEnvelope;
import io.concordat.events.Topics;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.partnerevents.store.EventLog;
import jakarta.inject.Singleton;

import java.util.Set;

/** Logs every platform event for partner delivery and replay. */
@Singleton
public class EventLogWriter implements EventHandler {

    private static final Set<String> TOPICS = Set.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING);

    private final EventLog log;

    public EventLogWriter(EventLog log) {
        this.log = log;
    }

    @Override
    public Set<String> topics() {
        return TOPICS;
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        log.append(topic, event);
    }
}
