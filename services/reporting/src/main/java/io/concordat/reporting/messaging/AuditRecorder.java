package io.concordat.reporting.messaging;

import io.concordat.events.EventEnvelope;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.reporting.app.AuditTrail;
import jakarta.inject.Singleton;

import java.util.Set;

/** Feeds the decisions read from the topics into the audit trail. */
@Singleton
public class AuditRecorder implements EventHandler {

    private final AuditTrail trail;

    public AuditRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @Override
    public Set<String> topics() {
        return AuditTrail.topics();
    }

    /** Decisions only: every other event passes by without a round trip. */
    @Override
    public boolean wants(String type) {
        return AuditTrail.audits(type);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        trail.record(event);
    }
}
