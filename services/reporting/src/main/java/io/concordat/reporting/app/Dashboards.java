package io.concordat.reporting.app;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.reporting.domain.Dashboard;
import io.concordat.reporting.domain.Scope;
import io.concordat.reporting.store.DashboardStore;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.LocalDate;

/**
 * A dashboard put together from its queries, inside the caller's read transaction. It is also
 * the one seam the benchmark uses, through {@link #on(Connection)}, so that it measures the
 * queries the service runs without depending on how they are stored.
 */
@Singleton
public class Dashboards {

    /** How far ahead "coming up" looks. */
    public static final int DAYS_AHEAD = 90;

    private final DashboardStore dashboards;

    public Dashboards(DashboardStore dashboards) {
        this.dashboards = dashboards;
    }

    /**
     * The dashboards on a connection whose transaction and tenant the caller has set up, outside a
     * running service (the benchmark).
     */
    public static Dashboards on(Connection connection) {
        return new Dashboards(new DashboardStore(new CurrentConnection(null) {
            @Override
            public Connection get() {
                return connection;
            }
        }));
    }

    /** The dashboard of a scope on a day, under the name given. */
    public Dashboard dashboard(Scope scope, String name, LocalDate on) {
        return new Dashboard(scope.kind().name(), scope.id(), name, on, dashboards.dataAsOf(), dashboards.pipeline(scope),
                dashboards.arrangements(scope), dashboards.sharing(scope), dashboards.savings(scope),
                dashboards.indicators(scope), dashboards.upcoming(scope, on, on.plusDays(DAYS_AHEAD)),
                dashboards.vacancies(scope, on));
    }

    /** A region's dashboard under the region's own name. */
    public Dashboard region(java.util.UUID regionId, LocalDate on) {
        return dashboard(Scope.region(regionId), dashboards.regionName(regionId).orElse(null), on);
    }
}
