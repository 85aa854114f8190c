package io.concordat.opportunities.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Finds opportunities by any combination of filters, newest first. Row-level security has
 * already narrowed the table to what the tenant may see; the filters narrow it further.
 */
@Singleton
public class OpportunitySearch {

    static final String COLUMNS = "o.id, o.authority_id, o.title, o.service_area, o.description, o.stage, "
            + "o.proposed_by, o.proposed_at, o.model, o.trigger, o.horizon, o.target_decision_on, o.target_start_on, "
            + "o.approved_published, o.board_region_id";

    private final CurrentConnection connection;

    public OpportunitySearch(CurrentConnection connection) {
        this.connection = connection;
    }

    /**
     * @param theme a service area code or its prefix: {@code support} finds every support service
     * @param text  words to find in the title or description
     */
    public record Filters(String stage, String theme, String model, String horizon, UUID regionId, UUID authorityId,
                          String text) {
    }

    /** A page of results and how many there are in all. */
    public record Result(List<OpportunityRow> rows, long total) {
    }

    public Result find(Filters filters, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        if (filters.stage() != null) {
            where.append(" and o.stage = ?");
            parameters.add(filters.stage());
        }
        if (filters.theme() != null) {
            where.append(" and (o.service_area = ? or o.service_area like ?)");
            parameters.add(filters.theme());
            parameters.add(escape(filters.theme()) + ".%");
        }
        if (filters.model() != null) {
            where.append(" and o.model = ?");
            parameters.add(filters.model());
        }
        if (filters.horizon() != null) {
            where.append(" and o.horizon = ?");
            parameters.add(filters.horizon());
        }
        if (filters.regionId() != null) {
            where.append(" and exists (select 1 from opportunity_region r where r.opportunity_id = o.id and r.region_id = ?)");
            parameters.add(filters.regionId());
        }
        if (filters.authorityId() != null) {
            where.append(" and o.authority_id = ?");
            parameters.add(filters.authorityId());
        }
        if (filters.text() != null) {
            where.append(" and (o.title ilike ? or o.description ilike ?)");
            String pattern = "%" + escape(filters.text()) + "%";
            parameters.add(pattern);
            parameters.add(pattern);
        }
        long total = Sql.query(connection.get(), "select count(*) from opportunity o" + where, rs -> rs.getLong(1),
                parameters.toArray()).get(0);
        List<Object> paged = new ArrayList<>(parameters);
        paged.add(size);
        paged.add((long) page * size);
        List<OpportunityRow> rows = Sql.query(connection.get(), "select " + COLUMNS + " from opportunity o" + where
                + " order by o.proposed_at desc, o.id limit ? offset ?", OpportunitySearch::row, paged.toArray());
        return new Result(rows, total);
    }

    static OpportunityRow row(ResultSet rs) throws SQLException {
        return new OpportunityRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getObject(12, java.time.LocalDate.class),
                rs.getObject(13, java.time.LocalDate.class), rs.getBoolean(14), rs.getObject(15, UUID.class));
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
