package io.concordat.reporting;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.audit.v1.AuditTrailAnchored;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestEvents;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.concordat.reporting.app.AuditTrail;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit trail of decisions: appended once per decision from the topics, read by each council
 * for its own decisions, verified by the platform and by a command, and changed or cut by hand
 * only at the cost of being found out, naming the entry.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditTrailIT implements TestPropertyProvider {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    AuditTrail trail;

    private final TestTokens tokens = TestTokens.get();
    private final UUID bromsgrove = UUID.randomUUID();
    private final UUID redditch = UUID.randomUUID();
    private final UUID wyre = UUID.randomUUID();
    private final UUID opportunity = UUID.randomUUID();
    private final List<EventEnvelope> decisions = new ArrayList<>();
    private ApiCalls api;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("reporting");
    }

    @BeforeAll
    void councilsDecide() {
        api = new ApiCalls(http);
        TestDirectory.registerAuthorities("reporting", List.of(bromsgrove, redditch, wyre));
        Instant at = Instant.parse("2026-05-01T10:00:00Z");
        UUID alliance = UUID.randomUUID();
        TestEvents.publish(EventTypes.OPPORTUNITY_PROPOSED, opportunity.toString(), bromsgrove, new OpportunityProposed(
                opportunity, bromsgrove, "Shared elections team", "support.elections", "One team for both councils.",
                List.of(), "officer", at, "JOINT_PROVISION_WITH_HOST", "MEDIUM_TERM"));
        // as the opportunities service publishes them: under the proposer, naming the deciding council in the body
        decisions.add(TestEvents.publish(EventTypes.BOARD_RECOMMENDATION_RECORDED, opportunity.toString(), bromsgrove,
                new BoardRecommendationRecorded(opportunity, bromsgrove, alliance, true, "CONSENSUS", 6, 0, "consensus", at)));
        decisions.add(TestEvents.publish(EventTypes.COUNCIL_DECISION_RECORDED, opportunity.toString(), bromsgrove,
                new CouncilDecisionRecorded(opportunity, bromsgrove, "APPROVED", "CABINET", LocalDate.parse("2026-05-10"), "CAB/12", at)));
        decisions.add(TestEvents.publish(EventTypes.COUNCIL_DECISION_RECORDED, opportunity.toString(), bromsgrove,
                new CouncilDecisionRecorded(opportunity, redditch, "APPROVED", "EXECUTIVE", LocalDate.parse("2026-05-11"), "EX/7", at)));
        UUID arrangement = UUID.randomUUID();
        decisions.add(TestEvents.publish(EventTypes.HOST_TRANSFERRED, arrangement.toString(), redditch,
                new HostTransferred(arrangement, redditch, bromsgrove, LocalDate.parse("2026-06-01"), at)));
        decisions.add(TestEvents.publish(EventTypes.AUTHORITY_SUSPENDED, wyre.toString(), wyre,
                new AuthoritySuspended(wyre, "Registration made in error", UUID.randomUUID().toString(), at)));
        Eventually.until("every decision appended", WAIT, () -> Superuser.count("reporting",
                "select count(*) from audit_entry where event_id in (" + ids(decisions) + ")") == decisions.size());
    }

    @Test
    @Order(1)
    void everyDecisionIsAppendedOnceLinkedToTheOneBeforeAndTheTrailVerifies() {
        TestEvents.publish(EventTypes.COUNCIL_DECISION_RECORDED.topic(), decisions.get(1));
        Eventually.until("the repeat read", WAIT, () -> Superuser.count("reporting",
                "select count(*) from processed_event where event_id = '" + decisions.get(1).id() + "'") == 1);

        assertEquals(1, Superuser.count("reporting", "select count(*) from audit_entry where event_id = '"
                + decisions.get(1).id() + "'"), "a decision read twice is one entry");
        assertEquals(0, Superuser.count("reporting", """
                select count(*) from audit_entry e join audit_entry p on p.sequence = e.sequence - 1
                where e.previous_hash <> p.hash"""), "each entry holds the hash of the one before it");
        Map<?, ?> verified = api.get("/api/v1/audit/verify", platform());
        assertEquals(true, verified.get("intact"), verified.toString());
        assertEquals(null, verified.get("firstBreak"));
    }

    @Test
    @Order(2)
    void aCouncilReadsTheEntriesOfTheDecisionsItTookPartInOnlyAndOnlyThePlatformVerifies() {
        assertEquals(idSet(decisions.subList(0, 4)), entryIds(bromsgrove), "the proposer's board, both decisions, the host it became");
        assertEquals(idSet(decisions.subList(2, 4)), entryIds(redditch), "its own decision and the hosting it handed over");

        List<Map> other = api.list("/api/v1/audit/entries?size=500", tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_ADMIN));
        assertEquals(List.of(), other, "another council sees none of them");
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, "/api/v1/audit/verify",
                tokens.forAuthority(bromsgrove, Roles.AUTHORITY_ADMIN), null));
        assertEquals(HttpStatus.FORBIDDEN, api.status(HttpMethod.GET, "/api/v1/audit/entries",
                tokens.forAuthority(bromsgrove, Roles.REGIONAL_VIEWER), null));
    }

    @Test
    @Order(3)
    void aRowChangedByHandInPostgresIsReportedByTheEndpointAndTheCommandNamingTheEntry() {
        EventEnvelope decision = decisions.get(2); // Redditch's approval, made a rejection
        long sequence = sequenceOf(decision);
        String original = Superuser.query("reporting", "select encode(data, 'hex') from audit_entry where sequence = " + sequence);
        Superuser.query("reporting", "update audit_entry set data = convert_to(replace(convert_from(data, 'UTF8'), "
                + "'APPROVED', 'REJECTED'), 'UTF8') where sequence = " + sequence + " returning sequence");
        try {
            Map<?, ?> verified = api.get("/api/v1/audit/verify", platform());
            assertEquals(false, verified.get("intact"));
            Map<?, ?> broken = (Map<?, ?>) verified.get("firstBreak");
            assertEquals(sequence, ((Number) broken.get("sequence")).longValue());
            assertEquals(decision.id().toString(), broken.get("eventId"));
            assertTrue(broken.get("problem").toString().contains("altered"), broken.toString());

            Command command = command();
            assertEquals(1, command.exit());
            assertTrue(command.out().contains("broken at entry " + sequence + " (event " + decision.id() + ")"), command.out());
        } finally {
            Superuser.query("reporting", "update audit_entry set data = decode('" + original + "', 'hex') where sequence = "
                    + sequence + " returning sequence");
        }
        assertEquals(true, api.get("/api/v1/audit/verify", platform()).get("intact"), "put back as it was, it holds again");
        assertEquals(0, command().exit());
    }

    @Test
    @Order(4)
    void aRowDeletedByHandInPostgresIsReportedByTheEndpointAndTheCommandNamingTheEntry() {
        // the decisions arrive on three topics, so which of them ends the trail varies from run to run;
        // a cut from the end is found by the anchors, a cut from the middle by the numbering checked here
        long sequence = decisions.stream().mapToLong(this::sequenceOf).min().orElseThrow();
        assertTrue(Superuser.count("reporting", "select max(sequence) from audit_entry") > sequence, "entries follow the one cut");
        Superuser.query("reporting", "delete from audit_entry where sequence = " + sequence + " returning sequence");

        Map<?, ?> verified = api.get("/api/v1/audit/verify", platform());
        assertEquals(false, verified.get("intact"));
        Map<?, ?> broken = (Map<?, ?>) verified.get("firstBreak");
        assertEquals(sequence, ((Number) broken.get("sequence")).longValue());
        assertTrue(broken.get("problem").toString().contains("entry " + sequence + " is missing"), broken.toString());
        Command command = command();
        assertEquals(1, command.exit());
        assertTrue(command.out().contains("broken at entry " + sequence), command.out());
    }

    @Test
    @Order(5)
    void aFinishedDayIsAnchoredOnceAndItsHashPublishedAsAnEvent() {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);

        // may find it anchored already, by the hourly schedule of a service under test
        Optional<AuditTrailAnchored> first = trail.anchor(yesterday);
        Optional<AuditTrailAnchored> again = trail.anchor(yesterday);

        assertFalse(again.isPresent(), "a day is anchored once");
        String anchors = Superuser.query("reporting", "select string_agg(day::text || ' at ' || last_sequence, ', ') from audit_anchor");
        assertEquals(yesterday + " at " + first.map(AuditTrailAnchored::lastSequence).orElse(-1L), anchors,
                "the day's anchor, recorded once: " + first);
        assertFalse(trail.anchor(LocalDate.now(ZoneOffset.UTC)).isPresent(), "a day is anchored when it has ended");
        List<EventEnvelope> published = TestEvents.readAll(Topics.AUDIT,
                e -> e.type().equals(EventTypes.AUDIT_TRAIL_ANCHORED.type()) && e.subject().equals(yesterday.toString()), WAIT);
        assertEquals(1, published.size());
    }

    private Set<String> entryIds(UUID authority) {
        List<Map> entries = api.list("/api/v1/audit/entries?size=500", tokens.forAuthority(authority, Roles.AUTHORITY_OFFICER));
        return entries.stream().map(e -> e.get("eventId").toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> idSet(List<EventEnvelope> events) {
        return events.stream().map(e -> e.id().toString()).collect(Collectors.toCollection(TreeSet::new));
    }

    private long sequenceOf(EventEnvelope event) {
        return Superuser.count("reporting", "select sequence from audit_entry where event_id = '" + event.id() + "'");
    }

    private String platform() {
        return tokens.withoutAuthority(Roles.PLATFORM_ADMIN);
    }

    private record Command(int exit, String out) {
    }

    private static Command command() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = AuditVerifyCommand.run(new String[] {TestServers.database("reporting").jdbcUrl(), "postgres"}, "",
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Command(exit, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
    }

    private static String ids(List<EventEnvelope> events) {
        return String.join(",", events.stream().map(e -> "'" + e.id() + "'").toList());
    }
}
