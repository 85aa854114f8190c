package io.concordat.opportunities.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
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
 * Opportunities and the regions each is shared with. Row-level security limits every statement
 * to what the transaction's tenant may see and write.
 */
@Singleton
public class OpportunityStore {

    private final CurrentConnection connection;

    public OpportunityStore(CurrentConnection connection) {
        this.connection = connection;
    }

    public void insert(OpportunityRow row) {
        Sql.update(connection.get(), "insert into opportunity (id, authority_id, title, service_area, description, stage, "
                        + "proposed_by, proposed_at, model, trigger, horizon, target_decision_on, target_start_on, "
                        + "approved_published, board_region_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.id(), row.authorityId(), row.title(), row.serviceArea(), row.description(), row.stage(),
                row.proposedBy(), Timestamp.from(row.proposedAt()), row.model(), row.trigger(), row.horizon(),
                date(row.targetDecisionOn()), date(row.targetStartOn()), row.approvedPublished(), row.boardRegionId());
    }

    public Optional<OpportunityRow> find(UUID id) {
        return Sql.query(connection.get(), "select " + OpportunitySearch.COLUMNS + " from opportunity o where o.id = ?",
                OpportunitySearch::row, id).stream().findFirst();
    }

    public void updateStage(UUID id, String stage) {
        Sql.update(connection.get(), "update opportunity set stage = ? where id = ?", stage, id);
    }

    public void updateApprovedPublished(UUID id, boolean approvedPublished) {
        Sql.update(connection.get(), "update opportunity set approved_published = ? where id = ?", approvedPublished, id);
    }

    public void updateBoardRegionId(UUID id, UUID boardRegionId) {
        Sql.update(connection.get(), "update opportunity set board_region_id = ? where id = ?", boardRegionId, id);
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
