package io.concordat.partnerevents;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.testing.TestEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Events as the platform's services publish them, with the bodies of the event contracts' golden
 * files: one of every type the tenants, opportunities and hosting services publish.
 */
final class PartnerScenarios {

    static final Set<String> PARTNER_TOPICS = Set.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING);
    private static final Path GOLDEN = Path.of("../events/src/test/resources/golden");

    private PartnerScenarios() {
    }

    static List<EventType<?>> everyPartnerEventType() {
        return EventTypes.ALL.stream().filter(t -> PARTNER_TOPICS.contains(t.topic())).toList();
    }

    /** Publishes one event of the type with its golden body, owned and shared as given, about the subject. */
    static EventEnvelope publish(EventType<?> type, UUID owner, List<UUID> regions, String subject) {
        return publishAt(type, owner, regions, subject, OffsetDateTime.now(ZoneOffset.UTC));
    }

    /** As {@link #publish}, for an event that happened at the time given. */
    static EventEnvelope publishAt(EventType<?> type, UUID owner, List<UUID> regions, String subject, OffsetDateTime at) {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "/concordat/test", type.type(),
                at, subject, owner, regions, golden(type));
        TestEvents.publish(type.topic(), event);
        return event;
    }

    /** One event of every type, each about a subject of its own, owned by the authority and shared as given. */
    static List<EventEnvelope> oneOfEveryType(UUID owner, List<UUID> regions) {
        List<EventEnvelope> events = new ArrayList<>();
        for (EventType<?> type : everyPartnerEventType()) {
            events.add(publish(type, owner, regions, UUID.randomUUID().toString()));
        }
        return events;
    }

    static byte[] golden(EventType<?> type) {
        try {
            return Files.readAllBytes(GOLDEN.resolve(type.type() + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
