package io.concordat.reporting.store;

import io.concordat.kit.store.CurrentConnection;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The pipeline read model. Every method runs inside the caller's tenant transaction. */
@Singleton
public class PipelineStore {

    private static final String RECORD = """
            insert into opportunity_summary (opportunity_id, authority_id, title, service_area, stage, proposed_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?) on conflict (opportunity_id) do nothing""";
    private static final String COUNT_BY = "select %s, count(*) from opportunity_summary group by %s order by %s";

    private final CurrentConnection connection;

    public PipelineStore(CurrentConnection connection) {
        this.connection = connection;
    }

    public void recordProposed(UUID opportunityId, UUID authorityId, String title, String serviceArea, String stage,
                               Instant proposedAt, Instant eventTime) {
        try (PreparedStatement insert = connection.get().prepareStatement(RECORD)) {
            insert.setObject(1, opportunityId);
            insert.setObject(2, authorityId);
            insert.setString(3, title);
            insert.setString(4, serviceArea);
            insert.setString(5, stage);
            insert.setTimestamp(6, Timestamp.from(proposedAt));
            insert.setTimestamp(7, Timestamp.from(eventTime));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record opportunity " + opportunityId, e);
        }
    }

    /** Opportunities of the transaction's tenant, counted by stage. */
    public Map<String, Long> countByStage() {
        return countBy("stage");
    }

    /** Opportunities of the transaction's tenant, counted by service area. */
    public Map<String, Long> countByServiceArea() {
        return countBy("service_area");
    }

    private Map<String, Long> countBy(String column) {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement query = connection.get().prepareStatement(COUNT_BY.formatted(column, column, column));
             ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the pipeline", e);
        }
        return counts;
    }
}
