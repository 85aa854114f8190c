package io.concordat.opportunities.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.opportunities.domain.Board;
import io.concordat.opportunities.domain.BoardRecommendation;
import io.concordat.opportunities.domain.BoardRule;
import io.concordat.opportunities.domain.BoardVote;
import io.concordat.opportunities.domain.BusinessCase;
import io.concordat.opportunities.domain.DecisionOutcome;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What happens to an opportunity after it is proposed: participants, stage history, business
 * case versions, board votes and recommendation, and each council's decision. Every method runs
 * in the caller's tenant transaction, so row-level security decides what is seen and written.
 */
@Singleton
public class CollaborationStore {

    private final CurrentConnection connection;
    private final JsonMapper json;

    public CollaborationStore(CurrentConnection connection, JsonMapper json) {
        this.connection = connection;
        this.json = json;
    }

    public List<Participant> participants(UUID opportunityId) {
        return Sql.query(connection.get(), "select authority_id, role, status, accepted from participant "
                        + "where opportunity_id = ? order by joined_at",
                rs -> new Participant(rs.getObject(1, UUID.class), ParticipantRole.valueOf(rs.getString(2)),
                        ParticipantStatus.valueOf(rs.getString(3)), rs.getBoolean(4)), opportunityId);
    }

    /** Adds or changes the caller's own participation. */
    public void join(UUID opportunityId, Participant participant, Instant at) {
        Sql.update(connection.get(), """
                insert into participant (opportunity_id, authority_id, role, status, accepted, joined_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (opportunity_id, authority_id) do update set role = excluded.role, status = excluded.status""",
                opportunityId, participant.authorityId(), participant.role().name(), participant.status().name(),
                participant.accepted(), Timestamp.from(at));
    }

    public int accept(UUID opportunityId, UUID authorityId) {
        return Sql.update(connection.get(), "update participant set accepted = true where opportunity_id = ? and authority_id = ?",
                opportunityId, authorityId);
    }

    public void recordStageChange(UUID opportunityId, String from, String to, String by, Instant at, String note) {
        Sql.update(connection.get(), "insert into stage_change (opportunity_id, from_stage, to_stage, changed_by, changed_at, note)"
                + " values (?, ?, ?, ?, ?, ?)", opportunityId, from, to, by, Timestamp.from(at), note);
    }

    /** The stage history, oldest first. */
    public List<StageChange> stageHistory(UUID opportunityId) {
        return Sql.query(connection.get(), "select from_stage, to_stage, changed_by, changed_at, note from stage_change "
                        + "where opportunity_id = ? order by id",
                rs -> new StageChange(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getString(5)), opportunityId);
    }

    /** Stores a new version and returns its number. */
    public int addBusinessCase(UUID opportunityId, BusinessCase businessCase, String by, Instant at) {
        int version = Sql.query(connection.get(), "select coalesce(max(version), 0) + 1 from business_case where opportunity_id = ?",
                rs -> rs.getInt(1), opportunityId).get(0);
        String content;
        try {
            content = json.writeValueAsString(BusinessCaseDocument.of(businessCase));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Sql.update(connection.get(), "insert into business_case (opportunity_id, version, content, submitted_by, submitted_at)"
                + " values (?, ?, ?, ?, ?)", opportunityId, version, content, by, Timestamp.from(at));
        return version;
    }

    public Optional<Integer> latestBusinessCaseVersion(UUID opportunityId) {
        return Sql.query(connection.get(), "select max(version) from business_case where opportunity_id = ? having count(*) > 0",
                rs -> rs.getInt(1), opportunityId).stream().findFirst();
    }

    /** The latest version of the business case. */
    public Optional<StoredBusinessCase> latestBusinessCase(UUID opportunityId) {
        return businessCase(opportunityId, "order by version desc limit 1");
    }

    /** One version of the business case. */
    public Optional<StoredBusinessCase> businessCase(UUID opportunityId, int version) {
        return businessCase(opportunityId, "and version = " + version);
    }

    private Optional<StoredBusinessCase> businessCase(UUID opportunityId, String which) {
        return Sql.query(connection.get(), "select version, content, submitted_by, submitted_at from business_case "
                + "where opportunity_id = ? " + which, rs -> {
                    try {
                        return new StoredBusinessCase(rs.getInt(1),
                                json.readValue(rs.getString(2), BusinessCaseDocument.class).toDomain(), rs.getString(3),
                                rs.getTimestamp(4).toInstant());
                    } catch (IOException e) {
                        throw new UncheckedIOException("stored business case of " + opportunityId + " is unreadable", e);
                    }
                }, opportunityId).stream().findFirst();
    }

    /** A version of a business case as it was submitted. */
    public record StoredBusinessCase(int version, BusinessCase businessCase, String submittedBy, Instant submittedAt) {
    }

    public Optional<Board> board(UUID regionId) {
        return Sql.query(connection.get(), "select members_per_authority, rule, minimum_from_each from region_board where region_id = ?",
                rs -> new Board(rs.getInt(1), BoardRule.valueOf(rs.getString(2)), (Integer) rs.getObject(3)), regionId)
                .stream().findFirst();
    }

    public void describeBoard(UUID regionId, int membersPerAuthority, String rule, Integer minimumFromEach) {
        Sql.update(connection.get(), """
                insert into region_board (region_id, members_per_authority, rule, minimum_from_each) values (?, ?, ?, ?)
                on conflict (region_id) do update set members_per_authority = excluded.members_per_authority,
                    rule = excluded.rule, minimum_from_each = excluded.minimum_from_each""",
                regionId, membersPerAuthority, rule, minimumFromEach);
    }

    public List<BoardVote> votes(UUID opportunityId) {
        return Sql.query(connection.get(), "select authority_id, voter_name, in_favour from board_vote where opportunity_id = ? "
                        + "order by voted_at",
                rs -> new BoardVote(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)), opportunityId);
    }

    /** Records a councillor's vote; returns false when they had already voted. */
    public boolean castVote(UUID opportunityId, UUID regionId, String voter, BoardVote vote, Instant at) {
        return Sql.update(connection.get(), """
                insert into board_vote (opportunity_id, region_id, voter, voter_name, authority_id, in_favour, voted_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                opportunityId, regionId, voter, vote.councillor(), vote.authorityId(), vote.inFavour(), Timestamp.from(at)) == 1;
    }

    public void recordRecommendation(UUID opportunityId, UUID regionId, BoardRecommendation recommendation, String by,
                                     Instant at) {
        Sql.update(connection.get(), """
                insert into board_recommendation (opportunity_id, region_id, recommended, rule, in_favour, against, reason,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                opportunityId, regionId, recommendation.recommended(), recommendation.rule().name(),
                recommendation.inFavour(), recommendation.against(), recommendation.reason(), by, Timestamp.from(at));
    }

    public Optional<RecommendationRecord> recommendation(UUID opportunityId) {
        return Sql.query(connection.get(), "select region_id, recommended, rule, in_favour, against, reason, recorded_at "
                        + "from board_recommendation where opportunity_id = ?",
                rs -> new RecommendationRecord(rs.getObject(1, UUID.class), new BoardRecommendation(rs.getBoolean(2),
                        BoardRule.valueOf(rs.getString(3)), rs.getInt(4), rs.getInt(5), rs.getString(6)),
                        rs.getTimestamp(7).toInstant()), opportunityId).stream().findFirst();
    }

    /** Records (or, after a deferral, replaces) the caller's council's decision. */
    public void recordDecision(UUID opportunityId, UUID authorityId, DecisionOutcome outcome, String body, LocalDate on,
                               String minute, String by, Instant at) {
        Sql.update(connection.get(), """
                insert into council_decision (opportunity_id, authority_id, outcome, body, decided_on, minute_reference,
                    recorded_by, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (opportunity_id, authority_id) do update set outcome = excluded.outcome, body = excluded.body,
                    decided_on = excluded.decided_on, minute_reference = excluded.minute_reference,
                    recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""",
                opportunityId, authorityId, outcome.name(), body, java.sql.Date.valueOf(on), minute, by, Timestamp.from(at));
    }

    public Map<UUID, DecisionOutcome> decisions(UUID opportunityId) {
        Map<UUID, DecisionOutcome> decisions = new LinkedHashMap<>();
        Sql.query(connection.get(), "select authority_id, outcome from council_decision where opportunity_id = ? order by recorded_at",
                rs -> Map.entry(rs.getObject(1, UUID.class), DecisionOutcome.valueOf(rs.getString(2))), opportunityId)
                .forEach(e -> decisions.put(e.getKey(), e.getValue()));
        return decisions;
    }

    /** A recorded stage change. */
    public record StageChange(String from, String to, String by, Instant at, String note) {
    }

    /** A recorded board recommendation and the region whose board made it. */
    public record RecommendationRecord(UUID regionId, BoardRecommendation recommendation, Instant recordedAt) {
    }
}
