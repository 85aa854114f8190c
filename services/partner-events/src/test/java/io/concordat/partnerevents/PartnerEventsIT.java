package io.concordat.partnerevents;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PartnerEventsIT implements TestPropertyProvider {

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("partner_events");
    }

    @Test
    void logsEveryEventOnceWithItsTopicAndAuthority() throws InterruptedException {
        UUID authority = UUID.randomUUID();
        UUID opportunity = UUID.randomUUID();
        EventEnvelope event = TestEvents.publish(EventTypes.OPPORTUNITY_PROPOSED, opportunity.toString(), authority,
                new OpportunityProposed(opportunity, authority, "Shared legal services", "support.legal", null, List.of(),
                        "someone", Instant.now(), "JOINT_PROVISION_WITH_HOST", "MEDIUM_TERM"));
        TestEvents.publish(Topics.OPPORTUNITIES, event);

        String logged = "select count(*) from event_log where event_id = '" + event.id() + "' and topic = '"
                + Topics.OPPORTUNITIES + "' and authority_id = '" + authority + "'";
        Eventually.until("the event logged", Duration.ofSeconds(60), () -> Superuser.count("partner_events", logged) == 1);
        Thread.sleep(1_000);
        assertEquals(1, Superuser.count("partner_events", logged), "the repeat is not logged twice");
    }
}
