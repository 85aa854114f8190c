package io.concordat.events.audit.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The audit trail's hash at the end of a day, published so that copies held outside the
 * platform (a partner's log, an archive) can later show the trail was not rewritten: each entry
 * holds the hash of the one before it, so this one hash commits to every entry up to it.
 *
 * @param day           the UTC day whose last entry this is
 * @param lastSequence  the sequence number of that day's last entry (0 when the trail is empty)
 * @param hash          that entry's SHA-256 hash, hex
 * @param entries       how many entries the trail held then
 */
@Serdeable
public record AuditTrailAnchored(LocalDate day, long lastSequence, String hash, long entries, Instant anchoredAt) {
}
