package io.concordat.reporting.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.concordat.reporting.domain.OpenData;
import io.concordat.reporting.domain.Themes;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A region's open data: the arrangements shared with it and their realised savings. */
@Singleton
public class OpenDataStore {

    private final CurrentConnection connection;

    public OpenDataStore(CurrentConnection connection) {
        this.connection = connection;
    }

    public List<OpenData.Arrangement> arrangements(UUID region) {
        return Sql.query(connection.get(), """
                        select a.arrangement_id, a.title, a.service_area, a.theme, h.name, h.gss_code,
                               array_to_string(array(select k.name from rpt_recipient r join known_authority k on k.id = r.authority_id
                                     where r.arrangement_id = a.arrangement_id and r.left_on is null order by k.name), '; '),
                               array_to_string(array(select coalesce(k.gss_code, '') from rpt_recipient r
                                     join known_authority k on k.id = r.authority_id
                                     where r.arrangement_id = a.arrangement_id and r.left_on is null order by k.name), '; '),
                               a.basis, a.status, a.starts_on, a.ends_on, (a.agreed_at at time zone 'Europe/London')::date,
                               a.exit_on, a.termination_reason
                        from rpt_arrangement a left join known_authority h on h.id = a.host_authority_id
                        where ? = any(a.region_ids) order by a.title, a.arrangement_id""",
                rs -> new OpenData.Arrangement(rs.getString(1), rs.getString(2), rs.getString(3),
                        Themes.title(rs.getString(3)), Themes.title(rs.getString(4)), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class),
                        rs.getObject(13, LocalDate.class), rs.getObject(14, LocalDate.class), rs.getString(15)), region);
    }

    public List<OpenData.Saving> savings(UUID region) {
        return Sql.query(connection.get(), """
                        select a.arrangement_id, a.title, a.service_area, k.name, k.gss_code, s.financial_year,
                               s.baseline_pence, s.cost_pence, s.saving_pence
                        from rpt_saving s join rpt_arrangement a on a.arrangement_id = s.arrangement_id
                        left join known_authority k on k.id = s.authority_id
                        where ? = any(a.region_ids) order by s.financial_year, a.title, k.name""",
                rs -> new OpenData.Saving(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), OpenData.pounds(rs.getLong(7)), OpenData.pounds(rs.getLong(8)),
                        OpenData.pounds(rs.getLong(9))), region);
    }
}
