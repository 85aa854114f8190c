package io.concordat.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One event as it travels: the CloudEvents 1.0 attributes, the authority that owns the fact,
 * the regions it is visible to, and the JSON body.
 *
 * @param id          unique id of this event; consumers deduplicate on it
 * @param source      the service that published it, e.g. {@code /concordat/opportunities}
 * @param type        the CloudEvents type, see {@link EventTypes}
 * @param time        when the fact became true (the commit of the change)
 * @param subject     the aggregate's id; also the Kafka record key
 * @param authorityId the authority whose data this is; {@link #PLATFORM} for facts no authority owns
 *                    (a region's creation), which are shared with the regions named
 * @param regionIds   the regions this fact is shared with; empty when it stays within the authority
 * @param data        the event body, JSON encoded
 */
public record EventEnvelope(
        UUID id,
        String source,
        String type,
        OffsetDateTime time,
        String subject,
        UUID authorityId,
        List<UUID> regionIds,
        byte[] data) {

    /** The owner of platform-level facts, such as a region's creation. */
    public static final UUID PLATFORM = new UUID(0L, 0L);

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(authorityId, "authorityId");
        regionIds = regionIds == null ? List.of() : List.copyOf(regionIds);
        Objects.requireNonNull(data, "data");
    }
}
