package io.concordat.reporting.domain;

import java.util.UUID;

/**
 * Where the audit trail first stops proving itself.
 *
 * @param sequence the entry named: the altered one, or the one missing
 * @param eventId  the altered entry's event, or the event of the entry found where the missing one should be
 * @param problem  what is wrong, in words
 */
public record ChainBreak(long sequence, UUID eventId, String problem) {
}
