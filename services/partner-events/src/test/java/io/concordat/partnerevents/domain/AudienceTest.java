package io.concordat.partnerevents.domain;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudienceTest {

    private static final UUID A = UUID.randomUUID();
    private static final UUID B = UUID.randomUUID();
    private static final UUID REGION = UUID.randomUUID();
    private static final OffsetDateTime MAY_1 = OffsetDateTime.of(2026, 5, 1, 9, 0, 0, 0, ZoneOffset.UTC);

    private static LoggedEvent event(String type, UUID owner, List<UUID> regions, String subject, OffsetDateTime at) {
        return new LoggedEvent(1, UUID.randomUUID(), "topic", type, "/concordat/test", subject, owner, regions, null, at,
                "{}".getBytes());
    }

    private static Audience memberOfRegion(LocalDate from, LocalDate until) {
        return Audience.ofAuthority(A, Map.of(REGION, List.of(new Period(from, until))), Map.of());
    }

    @TestFactory
    Stream<DynamicTest> anotherCouncilsPrivateEventOfEveryTypeNeverReachesAPartner() {
        Audience partnerOfA = memberOfRegion(LocalDate.of(2020, 1, 1), null);
        return EventTypes.ALL.stream().map(EventType::type).map(type -> DynamicTest.dynamicTest(type, () -> {
            assertFalse(partnerOfA.mayRead(event(type, B, List.of(), UUID.randomUUID().toString(), MAY_1)),
                    "B's private " + type);
            assertFalse(partnerOfA.mayRead(event(type, B, List.of(UUID.randomUUID()), UUID.randomUUID().toString(), MAY_1)),
                    "B's " + type + " shared with a region A is not in");
            assertTrue(partnerOfA.mayRead(event(type, A, List.of(), UUID.randomUUID().toString(), MAY_1)), "A's own " + type);
            assertTrue(partnerOfA.mayRead(event(type, B, List.of(REGION), UUID.randomUUID().toString(), MAY_1)),
                    "B's " + type + " shared with A's region");
        }));
    }

    @Test
    void platformFactsReachOnlyTheMembersOfTheRegionsTheyAreSharedWith() {
        Audience partnerOfA = memberOfRegion(LocalDate.of(2020, 1, 1), null);
        assertTrue(partnerOfA.mayRead(event(EventTypes.REGION_CREATED.type(), EventEnvelope.PLATFORM, List.of(REGION), "r", MAY_1)));
        assertFalse(partnerOfA.mayRead(event(EventTypes.REGION_CREATED.type(), EventEnvelope.PLATFORM,
                List.of(UUID.randomUUID()), "r", MAY_1)));
    }

    @Test
    void aRegionsEventsStopWhenTheCouncilLeavesTheRegion() {
        Audience leftOnMay1 = memberOfRegion(LocalDate.of(2020, 1, 1), LocalDate.of(2026, 5, 1));
        assertTrue(leftOnMay1.mayRead(event("t", B, List.of(REGION), "s", MAY_1.minusDays(1))));
        assertFalse(leftOnMay1.mayRead(event("t", B, List.of(REGION), "s", MAY_1)));
    }

    @Test
    void eventsBeforeTheCouncilJoinedTheRegionAreNotItsToRead() {
        Audience joinedOnMay1 = memberOfRegion(LocalDate.of(2026, 5, 1), null);
        assertFalse(joinedOnMay1.mayRead(event("t", B, List.of(REGION), "s", MAY_1.minusDays(1))));
        assertTrue(joinedOnMay1.mayRead(event("t", B, List.of(REGION), "s", MAY_1)));
    }

    @Test
    void aRecipientReadsTheArrangementItTakesPartInWhileItDoes() {
        Audience recipient = Audience.ofAuthority(A, Map.of(),
                Map.of("arr", List.of(new Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 5, 1)))));
        assertTrue(recipient.mayRead(event(EventTypes.ARRANGEMENT_STARTED.type(), B, List.of(), "arr", MAY_1.minusDays(1))));
        assertFalse(recipient.mayRead(event(EventTypes.RECHARGE_ISSUED.type(), B, List.of(), "arr", MAY_1)));
        assertFalse(recipient.mayRead(event(EventTypes.RECHARGE_ISSUED.type(), B, List.of(), "other", MAY_1.minusDays(1))));
    }

    @Test
    void aRegionsHubReadsOnlyWhatWasSharedWithItsRegion() {
        Audience hub = Audience.ofRegion(REGION);
        assertTrue(hub.mayRead(event("t", B, List.of(REGION), "s", MAY_1)));
        assertFalse(hub.mayRead(event("t", B, List.of(), "s", MAY_1)));
        assertFalse(hub.mayRead(event("t", A, List.of(UUID.randomUUID()), "s", MAY_1)));
    }
}
