package io.concordat.opportunities.store;

import io.concordat.events.ServiceArea;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.opportunities.domain.BoardRecommendation;
import io.concordat.opportunities.domain.CollaborationModel;
import io.concordat.opportunities.domain.DecisionOutcome;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.domain.Trigger;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Opportunities and the regions each is shared with, mapped from rows to the {@link Opportunity}
 * aggregate and back. Row-level security limits every statement to what the transaction's tenant
 * may see and write.
 */
@Singleton
public class OpportunityStore {

    private final CurrentConnection connection;
    private final CollaborationStore collaboration;

    public OpportunityStore(CurrentConnection connection, CollaborationStore collaboration) {
        this.connection = connection;
        this.collaboration = collaboration;
    }

    /** Writes a new opportunity, the regions it is shared with and its participants. */
    public void insert(Opportunity opportunity) {
        insert(row(opportunity));
        opportunity.regionIds().forEach(region -> share(opportunity.id(), region, opportunity.authorityId()));
        opportunity.participants().forEach(p -> collaboration.join(opportunity.id(), p, opportunity.proposedAt()));
    }

    /** The opportunity with who takes part, the board's recommendation and the decisions, as far as the tenant may see. */
    public Optional<Opportunity> load(UUID id) {
        return find(id).map(row -> opportunity(row, regionsOf(List.of(id)).getOrDefault(id, List.of()),
                collaboration.participants(id),
                collaboration.recommendation(id).map(CollaborationStore.RecommendationRecord::recommendation),
                collaboration.decisions(id)));
    }

    static OpportunityRow row(Opportunity o) {
        return new OpportunityRow(o.id(), o.authorityId(), o.title(), o.serviceArea().code(), o.description(),
                o.stage().name(), o.proposedBy(), o.proposedAt(), name(o.model()), name(o.trigger()), o.horizon().name(),
                o.targetDecisionOn(), o.targetStartOn(), o.approved(), o.boardRegionId());
    }

    static Opportunity opportunity(OpportunityRow row, List<UUID> regions,
                                   List<Participant> participants,
                                   Optional<BoardRecommendation> recommendation,
                                   Map<UUID, DecisionOutcome> decisions) {
        ServiceArea area = ServiceArea.byCode(row.serviceArea()).orElseThrow(() -> new IllegalStateException(
                "opportunity " + row.id() + " is stored with the unknown service area " + row.serviceArea()));
        return new Opportunity(row.id(), row.authorityId(), row.title(), area,
                row.description(), row.model() == null ? null : CollaborationModel.valueOf(row.model()),
                row.trigger() == null ? null : Trigger.valueOf(row.trigger()), Horizon.valueOf(row.horizon()),
                Stage.valueOf(row.stage()), row.proposedBy(), row.proposedAt(), row.targetDecisionOn(), row.targetStartOn(),
                regions, row.boardRegionId(), participants, recommendation, decisions, row.approvedPublished());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private void insert(OpportunityRow row) {
        Sql.update(connection.get(), "insert into opportunity (id, authority_id, title, service_area, description, stage, "
                        + "proposed_by, proposed_at, model, trigger, horizon, target_decision_on, target_start_on, "
                        + "approved_published, board_region_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.id(), row.authorityId(), row.title(), row.serviceArea(), row.description(), row.stage(),
                row.proposedBy(), Timestamp.from(row.proposedAt()), row.model(), row.trigger(), row.horizon(),
                date(row.targetDecisionOn()), date(row.targetStartOn()), row.approvedPublished(), row.boardRegionId());
    }

    private Optional<OpportunityRow> find(UUID id) {
        return Sql.query(connection.get(), "select " + OpportunitySearch.COLUMNS + " from opportunity o where o.id = ?",
                OpportunitySearch::row, id).stream().findFirst();
    }

    /** Records where the opportunity now stands, and the region whose board considers it. */
    public void move(UUID id, Opportunity.StageMove move) {
        Sql.update(connection.get(), "update opportunity set stage = ?, board_region_id = ? where id = ?", move.to().name(),
                move.boardRegionId(), id);
    }

    /** Records that a host and a recipient have approved it, so that this is announced once. */
    public void markApproved(UUID id) {
        Sql.update(connection.get(), "update opportunity set approved_published = true where id = ?", id);
    }

    /** Shares the opportunity of {@code authorityId} with a region. */
    public void share(UUID opportunityId, UUID regionId, UUID authorityId) {
        Sql.update(connection.get(), "insert into opportunity_region (opportunity_id, region_id, authority_id) values (?, ?, ?)",
                opportunityId, regionId, authorityId);
    }

    /** The regions each of the opportunities is shared with, as far as the tenant may see. */
    public Map<UUID, List<UUID>> regionsOf(Collection<UUID> opportunityIds) {
        Map<UUID, List<UUID>> regions = new LinkedHashMap<>();
        if (opportunityIds.isEmpty()) {
            return regions;
        }
        String placeholders = String.join(", ", Collections.nCopies(opportunityIds.size(), "?"));
        Sql.query(connection.get(), "select opportunity_id, region_id from opportunity_region where opportunity_id in ("
                        + placeholders + ")", rs -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                opportunityIds.toArray())
                .forEach(e -> regions.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return regions;
    }

    private static Date date(LocalDate day) {
        return day == null ? null : Date.valueOf(day);
    }
}
