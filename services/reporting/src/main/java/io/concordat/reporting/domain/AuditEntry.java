package io.concordat.reporting.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One decision in the audit trail, as the event that reported it was published, with its place in
 * the chain: {@code previousHash} is the hash of the entry before it (or {@link AuditChain#GENESIS}),
 * {@code hash} its own over all of this.
 *
 * @param authorityId the authority whose decision it is (the event's authority; nil for the platform's own)
 * @param subject     the aggregate it concerns
 * @param data        the event's body exactly as published
 */
public record AuditEntry(long sequence, UUID eventId, String eventType, UUID authorityId, String subject,
                         Instant occurredAt, byte[] data, String previousHash, String hash) {
}
