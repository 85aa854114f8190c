package io.concordat.hosting;

import io.concordat.events.EventTypes;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestServers;
import io.concordat.servers.PostgresServer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import static io.concordat.kit.testing.Councils.officer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A council asked to take part changes nothing but its own answer, and sees no money or readings
 * until it accepts; answers, termination and recharges on one arrangement are taken one at a time;
 * a recharge is the business of the body that hosted when its period began.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentAndMoneyIT implements TestPropertyProvider {

    private static final UUID BOLSOVER = UUID.randomUUID();
    private static final UUID BASSETLAW = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final UUID NE_DERBYSHIRE = UUID.randomUUID();
    private static final UUID CHORLEY = UUID.randomUUID();
    private static final UUID BOLTON = UUID.randomUUID();
    private static final UUID STOCKPORT = UUID.randomUUID();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("hosting");
    }

    @BeforeAll
    void theBodiesOfSeeds000And003() {
        TestDirectory.registerAuthorities("hosting", Map.of(BOLSOVER, "Bolsover District Council", BASSETLAW,
                "Bassetlaw District Council", HOSPITAL, "Chesterfield Royal Hospital NHS Foundation Trust", NE_DERBYSHIRE,
                "North East Derbyshire District Council", CHORLEY, "Chorley Council", BOLTON, "Bolton Council", STOCKPORT,
                "Stockport Metropolitan Borough Council"));
    }

    /** Row-level security lets the council asked update the host's row to accept; it may change nothing else there. */
    @Test
    void aCouncilAskedChangesNothingButItsOwnAnswer() {
        String id = create(BOLTON, "Payroll for Chorley", "2020-04-01", CHORLEY);
        String transfer = proposeTransfer(id, BOLTON, STOCKPORT, "2022-04-01");
        String before = snapshot(id);
        String joining = "update arrangement set party_ids = array_append(party_ids, '%s'::uuid), %s where id = '" + id + "'";
        for (String change : List.of("host_authority_id = '" + CHORLEY + "'", "status = 'TERMINATED'", "title = 'Ours now'",
                "ends_on = '2020-12-31'", "region_ids = array['" + UUID.randomUUID() + "']::uuid[]")) {
            assertEquals(REFUSED, as(CHORLEY, joining.formatted(CHORLEY, change)), "asked to receive: " + change);
        }
        assertEquals(REFUSED, as(CHORLEY, "update arrangement set party_ids = array_append(party_ids, '" + CHORLEY
                + "'::uuid) where id = '" + id + "'"), "not a party before it accepts");
        for (String change : List.of("host_authority_id = '" + CHORLEY + "'", "status = 'TERMINATED'", "cost_allocation = 'FIXED_FEE'")) {
            assertEquals(REFUSED, as(STOCKPORT, joining.formatted(STOCKPORT, change)), "asked to host: " + change);
        }
        String ownRecipient = " where arrangement_id = '" + id + "' and authority_id = '" + CHORLEY + "'";
        assertEquals(REFUSED, as(CHORLEY, "update recipient set joined_on = '2019-04-01'" + ownRecipient));
        assertEquals(REFUSED, as(CHORLEY, "update recipient set consent = 'ACCEPTED', service_level = 'Same day'" + ownRecipient));
        assertEquals(REFUSED, as(STOCKPORT, "update host_transfer set effective_on = '2020-05-01' where id = '" + transfer + "'"));
        assertEquals(REFUSED, as(STOCKPORT, "update host_transfer set answer = 'ACCEPTED', to_authority_id = '" + CHORLEY
                + "' where id = '" + transfer + "'"));
        assertEquals(REFUSED, as(BOLTON, "update arrangement set host_authority_id = '" + STOCKPORT + "' where id = '" + id + "'"),
                "nor does the host hand the hosting to a body that has not accepted it");
        assertEquals(before, snapshot(id), "nothing changed");

        String base = "/api/v1/hosting/arrangements/" + id;
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, base + "/terminate", officer(CHORLEY),
                "{\"reason\":\"x\",\"exitOn\":\"2021-03-31\"}"));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, base + "/terminate", officer(STOCKPORT),
                "{\"reason\":\"x\",\"exitOn\":\"2021-03-31\"}"));
        assertEquals(before, snapshot(id));
        api().send(HttpMethod.POST, base + "/recipients/" + CHORLEY + "/accept", officer(CHORLEY), null);
        Map<?, ?> hosted = api().send(HttpMethod.POST, base + "/host-transfers/" + transfer + "/accept", officer(STOCKPORT), null);
        assertEquals(STOCKPORT.toString(), hosted.get("hostAuthorityId"), "answering through the service still works");
        assertEquals("ACCEPTED", ((Map<?, ?>) ((List<?>) hosted.get("recipients")).get(0)).get("consent"));
    }

    @Test
    void aCouncilAskedReadsTheArrangementButNoMoneyOrReadingsUntilItAccepts() {
        String id = create(BOLSOVER, "Revenues and benefits", "2012-04-01", BASSETLAW);
        accept(id, BASSETLAW);
        String base = "/api/v1/hosting/arrangements/" + id;
        api().send(HttpMethod.PUT, base + "/running-costs/2012%2F13", officer(BOLSOVER), "{\"pence\":900000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(BOLSOVER), "{\"pence\":700000}");
        api().send(HttpMethod.PUT, base + "/baselines/2012%2F13", officer(BASSETLAW), "{\"pence\":500000}");
        api().send(HttpMethod.POST, base + "/recharges", officer(BOLSOVER), "{\"recipientAuthorityId\":\"" + BASSETLAW
                + "\",\"periodFrom\":\"2012-04-01\",\"periodTo\":\"2013-03-31\",\"amountPence\":300000}");
        String indicator = (String) api().send(HttpMethod.POST, base + "/indicators", officer(BOLSOVER),
                "{\"name\":\"Days to process a new claim\",\"unit\":\"days\",\"direction\":\"LOWER_IS_BETTER\",\"amberMargin\":3,"
                        + "\"targets\":{\"" + BASSETLAW + "\":20}}").get("id");
        api().send(HttpMethod.POST, base + "/indicators/" + indicator + "/readings", officer(BOLSOVER),
                "{\"authorityId\":\"" + BASSETLAW + "\",\"period\":\"2012/13\",\"value\":22}");
        assertEquals(HttpStatus.OK, api().status(HttpMethod.POST, base + "/reviews", officer(BOLSOVER),
                "{\"kind\":\"Annual review\",\"dueOn\":\"2013-04-01\"}"));
        api().send(HttpMethod.POST, base + "/recipients", officer(BOLSOVER), "{\"authorityId\":\"" + NE_DERBYSHIRE
                + "\",\"joinedOn\":\"2013-04-01\"}");

        assertEquals(id, api().send(HttpMethod.GET, base, officer(NE_DERBYSHIRE), null).get("id"), "it reads what it is asked");
        assertEquals(Map.of(), visibleTo(NE_DERBYSHIRE, id), "no money, readings, reviews, log or other councils' answers");
        assertEquals(List.of(), api().send(HttpMethod.GET, base + "/savings/2012%2F13", officer(NE_DERBYSHIRE), null)
                .get("authorities"));
        assertEquals(List.of(), api().list(base + "/indicators?period=2012%2F13", officer(NE_DERBYSHIRE)));
        assertEquals(List.of(), api().list(base + "/reviews", officer(NE_DERBYSHIRE)));

        accept(id, NE_DERBYSHIRE);

        Map<String, Long> seen = visibleTo(NE_DERBYSHIRE, id);
        assertEquals(List.of("arrangement_change", "baseline", "indicator", "indicator_target", "reading", "recharge",
                "recipient of another council", "review", "running_cost"), seen.keySet().stream().sorted().toList(), seen.toString());
        assertEquals(2, ((List<?>) api().send(HttpMethod.GET, base + "/savings/2012%2F13", officer(NE_DERBYSHIRE), null)
                .get("authorities")).size());
        assertEquals(1, api().list(base + "/indicators?period=2012%2F13", officer(NE_DERBYSHIRE)).size());
    }

    @Test
    void twoAcceptsAtOnceJoinTheCouncilOnce() {
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = create(BOLTON, "Payroll for Chorley " + attempt, "2020-04-01", CHORLEY);
            String accept = "/api/v1/hosting/arrangements/" + id + "/recipients/" + CHORLEY + "/accept";

            List<HttpStatus> answers = atOnce(() -> api().status(HttpMethod.POST, accept, officer(CHORLEY), null),
                    () -> api().status(HttpMethod.POST, accept, officer(CHORLEY), null));

            assertEquals(List.of(HttpStatus.OK, HttpStatus.CONFLICT), answers.stream()
                    .sorted(java.util.Comparator.comparingInt(HttpStatus::getCode)).toList());
            assertEquals(1, outbox(id, EventTypes.RECIPIENT_JOINED.type()), "joined once");
            assertEquals(1, outbox(id, EventTypes.RECIPIENT_ACCEPTED.type()), "accepted once");
        }
    }

    @Test
    void anArrangementTerminatedWhileACouncilAcceptsLeavesNoOneReceivingIt() {
        for (int attempt = 0; attempt < 3; attempt++) {
            String id = create(BOLTON, "Health and safety cover " + attempt, "2020-04-01", CHORLEY);
            String base = "/api/v1/hosting/arrangements/" + id;

            atOnce(() -> api().status(HttpMethod.POST, base + "/recipients/" + CHORLEY + "/accept", officer(CHORLEY), null),
                    () -> api().status(HttpMethod.POST, base + "/terminate", officer(BOLTON),
                            "{\"reason\":\"Partnership dissolved\",\"exitOn\":\"2021-03-31\"}"));

            assertEquals("TERMINATED", Superuser.query("hosting", "select status from arrangement where id = '" + id + "'"));
            assertEquals(0, Superuser.count("hosting", "select count(*) from recipient where arrangement_id = '" + id
                    + "' and consent = 'ACCEPTED' and left_on is null"), "no current recipient of an ended arrangement");
        }
    }

    /** Seed 003: Bolsover bills for its own hosting after the hospital took over; the hospital bills from its first day. */
    @Test
    void aRechargeIsIssuedByTheBodyThatHostedOnTheFirstDayOfItsPeriod() {
        String id = create(BOLSOVER, "Procurement", "2012-04-01", BASSETLAW);
        accept(id, BASSETLAW);
        transfer(id, BOLSOVER, HOSPITAL, "2013-10-01");
        String base = "/api/v1/hosting/arrangements/" + id;
        String before = snapshot(id);

        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> api().send(HttpMethod.POST,
                base + "/recharges", officer(HOSPITAL), recharge("2013-04-01", "2013-09-30", 1000)));
        assertEquals(HttpStatus.FORBIDDEN, refused.getStatus(), "the current host bills nothing before its hosting began");
        String problem = refused.getResponse().getBody(String.class).orElseThrow();
        assertTrue(problem.contains("urn:concordat:problem:not-the-host-then") && problem.contains("2013-04-01"), problem);
        assertEquals(REFUSED, as(HOSPITAL, "insert into recharge (id, arrangement_id, recipient_authority_id, period_from, "
                + "period_to, amount_pence, issued_by, issued_at) values (gen_random_uuid(), '" + id + "', '" + BASSETLAW
                + "', '2013-04-01', '2013-09-30', 1000, 'officer', now())"), "nor does the database let it");
        assertEquals(before, snapshot(id));

        assertEquals(HttpStatus.CREATED, api().status(HttpMethod.POST, base + "/recharges", officer(BOLSOVER),
                recharge("2013-04-01", "2013-09-30", 1000)), "the former host bills for its own period");
        assertEquals(HttpStatus.CREATED, api().status(HttpMethod.POST, base + "/recharges", officer(HOSPITAL),
                recharge("2013-10-01", "2014-03-31", 2000)));
        assertEquals(HttpStatus.FORBIDDEN, api().status(HttpMethod.POST, base + "/recharges", officer(BOLSOVER),
                recharge("2013-10-01", "2014-03-31", 1)), "and for none after it");

        Map<String, Long> cost = new java.util.HashMap<>();
        for (Object line : (List<?>) api().send(HttpMethod.GET, base + "/savings/2013%2F14", officer(BASSETLAW), null).get("authorities")) {
            cost.put((String) ((Map<?, ?>) line).get("authorityId"), ((Number) ((Map<?, ?>) line).get("costPence")).longValue());
        }
        assertEquals(Map.of(BASSETLAW.toString(), 3000L, BOLSOVER.toString(), -1000L, HOSPITAL.toString(), -2000L), cost,
                "each recharge is credited to the body that issued it");
        assertEquals(BOLSOVER.toString(), Superuser.query("hosting", "select authority_id from outbox where record_key = '" + id
                + "' and event_type = '" + EventTypes.RECHARGE_ISSUED.type() + "' order by position limit 1"));
    }

    private static final int REFUSED = -1;

    /** One statement in its own transaction as the authority, as the service connects: the rows changed, or REFUSED. */
    private static int as(UUID authority, String sql) {
        PostgresServer.ServiceDatabase db = TestServers.database("hosting");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            c.setAutoCommit(false);
            actAs(c, authority);
            try (Statement s = c.createStatement()) {
                int rows = s.executeUpdate(sql);
                c.commit();
                return rows;
            } catch (SQLException refused) {
                c.rollback();
                return REFUSED;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the authority reads of the arrangement beyond its row and its own answer: table to rows, where any. */
    private static Map<String, Long> visibleTo(UUID authority, String id) {
        String of = " where arrangement_id = '" + id + "'";
        String indicators = " where indicator_id in (select id from indicator" + of + ")";
        Map<String, String> queries = Map.of("recharge", "recharge" + of, "running_cost", "running_cost" + of,
                "baseline", "baseline" + of, "indicator", "indicator" + of, "indicator_target", "indicator_target" + indicators,
                "reading", "reading" + indicators, "review", "review" + of, "arrangement_change", "arrangement_change" + of,
                "recipient of another council", "recipient" + of + " and authority_id <> '" + authority + "'");
        PostgresServer.ServiceDatabase db = TestServers.database("hosting");
        Map<String, Long> seen = new java.util.TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            c.setAutoCommit(false);
            actAs(c, authority);
            for (Map.Entry<String, String> q : queries.entrySet()) {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + q.getValue())) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        seen.put(q.getKey(), rs.getLong(1));
                    }
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return seen;
    }

    private static void actAs(Connection c, UUID authority) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("select set_config('concordat.authority_id', ?, true)")) {
            set.setString(1, authority.toString());
            set.execute();
        }
    }

    /** The arrangement's row, recipients and transfers as stored. */
    private static String snapshot(String id) {
        return Superuser.query("hosting", "select concat_ws(' | ', (select to_jsonb(a)::text from arrangement a where id = '" + id
                + "'), (select jsonb_agg(to_jsonb(r) order by r.authority_id, r.joined_on)::text from recipient r where arrangement_id = '"
                + id + "'), (select jsonb_agg(to_jsonb(t) order by t.proposed_at)::text from host_transfer t where arrangement_id = '"
                + id + "'), (select count(*) from host_period where arrangement_id = '" + id + "'), (select count(*) from recharge "
                + "where arrangement_id = '" + id + "'), (select count(*) from outbox where record_key = '" + id + "'))");
    }

    private static long outbox(String id, String type) {
        return Superuser.count("hosting", "select count(*) from outbox where record_key = '" + id + "' and event_type = '" + type + "'");
    }

    /** Sends both at the same moment and answers what each answered, in order. */
    @SafeVarargs
    private static <T> List<T> atOnce(Supplier<T>... steps) {
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<T>> running = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(steps.length);
        for (Supplier<T> step : steps) {
            running.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                return step.get();
            }, threads));
        }
        go.countDown();
        try {
            return running.stream().map(CompletableFuture::join).toList();
        } finally {
            threads.shutdown();
        }
    }

    private static String recharge(String from, String to, long pence) {
        return "{\"recipientAuthorityId\":\"" + BASSETLAW + "\",\"periodFrom\":\"" + from + "\",\"periodTo\":\"" + to
                + "\",\"amountPence\":" + pence + "}";
    }

    private String create(UUID host, String title, String startsOn, UUID asked) {
        return (String) api().send(HttpMethod.POST, "/api/v1/hosting/arrangements", officer(host), """
                {"title":"%s","serviceArea":"support.payroll","basis":"PERMANENT","startsOn":"%s","costAllocation":"EQUAL_SHARES",
                 "recipients":[{"authorityId":"%s","joinedOn":"%s"}]}""".formatted(title, startsOn, asked, startsOn)).get("id");
    }

    private void accept(String id, UUID council) {
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/recipients/" + council + "/accept", officer(council),
                null);
    }

    private String proposeTransfer(String id, UUID host, UUID to, String effectiveOn) {
        Map<?, ?> proposed = api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers", officer(host),
                "{\"toAuthorityId\":\"" + to + "\",\"effectiveOn\":\"" + effectiveOn + "\"}");
        return (String) ((Map<?, ?>) proposed.get("proposedHost")).get("transferId");
    }

    private void transfer(String id, UUID host, UUID to, String effectiveOn) {
        String transfer = proposeTransfer(id, host, to, effectiveOn);
        api().send(HttpMethod.POST, "/api/v1/hosting/arrangements/" + id + "/host-transfers/" + transfer + "/accept", officer(to),
                null);
    }

    private ApiCalls api() {
        return new ApiCalls(http);
    }
}
