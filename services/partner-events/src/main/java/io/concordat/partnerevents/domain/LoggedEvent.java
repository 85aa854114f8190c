package io.concordat.partnerevents.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One platform event as partner-events keeps it: its position in the log (the resumable id of
 * the stream), who owns it, what it was shared with, and its CloudEvent attributes and data.
 *
 * @param serviceArea the service area of the thing the event is about, where known
 */
public record LoggedEvent(long position, UUID id, String topic, String type, String source, String subject,
                          UUID authorityId, List<UUID> regionIds, String serviceArea, OffsetDateTime time,
                          byte[] data) {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    public LoggedEvent {
        regionIds = List.copyOf(regionIds);
    }

    /** The UK day the fact became true, on which who could read it is judged. */
    public LocalDate day() {
        return time.atZoneSameInstant(UK).toLocalDate();
    }
}
