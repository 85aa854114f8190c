package io.concordat.reporting.api;

import io.concordat.reporting.domain.AuditEntry;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the audit trail.
 *
 * @param eventType    the decision's event type, e.g. {@code io.concordat.opportunity.council-decision-recorded.v1}
 * @param subject      the opportunity, arrangement or authority it concerns
 * @param previousHash the hash of the entry before it
 * @param hash         SHA-256 over this entry and {@code previousHash}
 */
@Serdeable
public record AuditEntryView(long sequence, UUID eventId, String eventType, UUID authorityId, String subject,
                             Instant occurredAt, String previousHash, String hash) {

    static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.sequence(), e.eventId(), e.eventType(), e.authorityId(), e.subject(),
                e.occurredAt(), e.previousHash(), e.hash());
    }
}
