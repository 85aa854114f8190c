package io.concordat.reporting;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("reporting");
    }

    @Test
    void eachAuthorityCountsItsOwnProposalsAndARepeatedEventCountsOnce() {
        UUID bolsover = UUID.randomUUID();
        UUID bassetlaw = UUID.randomUUID();
        EventEnvelope first = proposed(bolsover, "Procurement consortium", "support.procurement");
        proposed(bolsover, "Shared property team", "support.property");
        proposed(bassetlaw, "Joint ICT", "support.ict");
        TestEvents.publish(Topics.OPPORTUNITIES, first);

        Eventually.until("Bolsover's two proposals counted", Duration.ofSeconds(60), () -> total(bolsover) == 2);
        Eventually.until("Bassetlaw's proposal counted", Duration.ofSeconds(30), () -> total(bassetlaw) == 1);
        Map<?, ?> pipeline = pipeline(bolsover);
        assertEquals(Map.of("IDEA", 2), pipeline.get("byStage"));
        assertEquals(Map.of("support.procurement", 1, "support.property", 1), pipeline.get("byServiceArea"));
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheEventsBehindItStillArrive() {
        UUID chorley = UUID.randomUUID();
        EventEnvelope poison = new EventEnvelope(UUID.randomUUID(), "/concordat/test", EventTypes.OPPORTUNITY_PROPOSED.type(),
                OffsetDateTime.now(ZoneOffset.UTC), UUID.randomUUID().toString(), chorley, List.of(),
                "{\"title\": 42".getBytes(StandardCharsets.UTF_8));
        TestEvents.publish(Topics.OPPORTUNITIES, poison);
        proposed(chorley, "Health and safety cover from Bolton", "support.health-and-safety");

        Eventually.until("the good event behind the poison counted", Duration.ofSeconds(60), () -> total(chorley) == 1);
        assertEquals(1, TestEvents.readAll(Topics.deadLetter(Topics.OPPORTUNITIES), e -> e.id().equals(poison.id()),
                Duration.ofSeconds(3)).size());
    }

    private EventEnvelope proposed(UUID authority, String title, String area) {
        UUID id = UUID.randomUUID();
        return TestEvents.publish(EventTypes.OPPORTUNITY_PROPOSED, id.toString(), authority,
                new OpportunityProposed(id, authority, title, area, null, List.of(), "someone", Instant.now()));
    }

    private long total(UUID authority) {
        return ((Number) pipeline(authority).get("total")).longValue();
    }

    private Map<?, ?> pipeline(UUID authority) {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/v1/reporting/pipeline")
                .bearerAuth(TestTokens.get().forAuthority(authority, Roles.AUTHORITY_OFFICER)), Map.class);
    }
}
