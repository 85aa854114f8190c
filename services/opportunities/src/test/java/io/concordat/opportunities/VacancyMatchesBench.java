package io.concordat.opportunities;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.ApiCalls;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.TestDirectory;
import io.concordat.kit.testing.TestServers;
import io.concordat.kit.testing.TestTokens;
import io.concordat.servers.PostgresServer;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Vacancy matching and suggested partners at region scale: one region of {@code bench.councils}
 * councils (40) with {@code bench.vacancies} open vacancies (1,000) over ten service areas, the
 * asking council holding {@code bench.own} of them (25). Each endpoint is timed through HTTP,
 * beside the same matching written as one plain SQL query on the service's database with the
 * same tenant (so row-level security applies to both), and the plan of that query is printed.
 *
 * <p>Not part of the test command (its name is neither *Test nor *IT); run it with
 * {@code infra/bench/run vacancy-matches}. It starts its own PostgreSQL and Kafka, as the
 * integration tests do, and asserts the 200 ms budget at the median.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VacancyMatchesBench implements TestPropertyProvider {

    private static final List<String> AREAS = List.of("support.finance", "support.hr", "support.payroll", "support.audit",
            "support.legal", "support.ict", "support.procurement", "support.elections", "support.exchequer",
            "support.property");
    private static final String PLAIN_SQL = """
            select mine.id, other.authority_id, count(*) over (partition by mine.id)
            from vacancy mine
            join vacancy other on other.service_area = mine.service_area and other.status = 'OPEN'
                 and other.closing_date >= ? and other.authority_id <> mine.authority_id
            where mine.authority_id = ? and mine.status = 'OPEN' and mine.closing_date >= ?
              and exists (select 1 from region_membership a join region_membership b on b.region_id = a.region_id
                          where a.authority_id = mine.authority_id and a.left_on is null
                            and b.authority_id = other.authority_id and b.left_on is null)
            order by mine.closing_date, mine.id""";

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("opportunities");
    }

    @Test
    void vacancyMatchesAndSuggestedPartnersAnswerWithinTheirBudgetAtRegionScale() throws Exception {
        int councils = Integer.getInteger("bench.councils", 40);
        int vacancies = Integer.getInteger("bench.vacancies", 1000);
        int own = Integer.getInteger("bench.own", 25);
        int requests = Integer.getInteger("bench.requests", 200);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < councils; i++) {
            members.add(UUID.randomUUID());
        }
        UUID asking = members.get(0);
        UUID region = UUID.randomUUID();
        TestDirectory.registerAuthorities("opportunities", members);
        TestDirectory.createRegion("opportunities", region, "Bench region " + region, members);
        seed(members, vacancies, own);

        String officer = TestTokens.get().forAuthority(asking, Roles.AUTHORITY_OFFICER);
        ApiCalls api = new ApiCalls(http);
        String opportunity = (String) api.send(HttpMethod.POST, "/api/v1/opportunities", officer,
                "{\"title\":\"Shared finance\",\"serviceArea\":\"support.finance\",\"regionIds\":[\"" + region + "\"]}").get("id");
        String vacancy = (String) api.list("/api/v1/opportunities/vacancies?size=1", officer).get(0).get("id");

        System.out.printf(Locale.ROOT, "%nVacancy matching: %d open vacancies in a region of %d councils, %d of them the "
                + "asking council's; %d requests each%n", vacancies, councils, own, requests);
        long[] matches = time(requests, () -> get("/api/v1/opportunities/vacancies/matches", officer));
        long[] suggested = time(requests, () -> get("/api/v1/opportunities/" + opportunity + "/suggested-partners", officer));
        long[] possible = time(requests, () -> get("/api/v1/opportunities/vacancies/" + vacancy + "/possible-partners", officer));
        long[] listed = time(requests, () -> get("/api/v1/opportunities/vacancies?page=0&size=100", officer));
        long[] plain;
        PostgresServer.ServiceDatabase db = TestServers.database("opportunities");
        try (Connection app = DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword())) {
            app.setAutoCommit(false);
            tenant(app, asking);
            plain = time(requests, () -> plainSql(app, asking));
            System.out.println("Plan of the plain SQL (EXPLAIN ANALYZE, with row-level security):");
            try (PreparedStatement explain = app.prepareStatement("explain analyze " + PLAIN_SQL)) {
                bind(explain, asking);
                try (ResultSet rs = explain.executeQuery()) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
            app.rollback();
        }
        report("GET /vacancies/matches", matches);
        report("GET /{id}/suggested-partners", suggested);
        report("GET /vacancies/{id}/possible-partners", possible);
        report("GET /vacancies?page=0&size=100", listed);
        report("matches as one plain SQL query", plain);
        assertTrue(percentile(matches, 50) < 200_000, "vacancy matches answer within 200 ms");
        assertTrue(percentile(suggested, 50) < 200_000, "suggested partners answer within 200 ms");
    }

    private void seed(List<UUID> members, int vacancies, int own) throws SQLException {
        PostgresServer.ServiceDatabase db = TestServers.database("opportunities");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "");
             PreparedStatement insert = c.prepareStatement("insert into vacancy (id, authority_id, title, service_area, grade, "
                     + "closing_date, status, posted_by, posted_at) values (?, ?, ?, ?, 'M2', ?, 'OPEN', 'bench', now())")) {
            for (int i = 0; i < vacancies; i++) {
                UUID authority = i < own ? members.get(0) : members.get(1 + i % (members.size() - 1));
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, authority);
                insert.setString(3, "Post " + i);
                insert.setString(4, AREAS.get(i % AREAS.size()));
                insert.setObject(5, LocalDate.now().plusDays(30 + i % 60));
                insert.addBatch();
            }
            insert.executeBatch();
            try (PreparedStatement analyze = c.prepareStatement("analyze vacancy")) {
                analyze.execute();
            }
        }
    }

    private HttpResponse<String> get(String path, String token) {
        return http.toBlocking().exchange(ApiCalls.request(HttpMethod.GET, path, token, null), String.class);
    }

    private static void tenant(Connection c, UUID authority) throws SQLException {
        try (PreparedStatement set = c.prepareStatement("select set_config('concordat.authority_id', ?, false)")) {
            set.setString(1, authority.toString());
            set.execute();
        }
    }

    private static Object plainSql(Connection c, UUID asking) {
        try (PreparedStatement query = c.prepareStatement(PLAIN_SQL)) {
            bind(query, asking);
            int rows = 0;
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement query, UUID asking) throws SQLException {
        LocalDate today = LocalDate.now();
        query.setObject(1, today);
        query.setObject(2, asking);
        query.setObject(3, today);
    }

    /** Microseconds per call, after a warm-up of a tenth as many. */
    private static long[] time(int requests, Supplier<Object> call) {
        for (int i = 0; i < Math.max(10, requests / 10); i++) {
            call.get();
        }
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            call.get();
            micros[i] = (System.nanoTime() - start) / 1000;
        }
        Arrays.sort(micros);
        return micros;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100 * sorted.length) - 1)];
    }

    private static void report(String what, long[] sorted) {
        System.out.printf(Locale.ROOT, "%-40s n=%d p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", what, sorted.length,
                percentile(sorted, 50) / 1000.0, percentile(sorted, 95) / 1000.0, percentile(sorted, 99) / 1000.0,
                sorted[sorted.length - 1] / 1000.0);
    }
}
