package io.concordat.reporting.api;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.app.Dashboards;
import io.concordat.reporting.domain.Listing;
import io.concordat.reporting.domain.Scope;
import io.concordat.reporting.store.DashboardStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.validation.Validated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Dashboards for a region (staff of its member authorities), an authority (its own staff) and
 * the platform (platform admins), with the paged lists behind their counts. {@code on} sets the
 * day "open" and "in the next 90 days" count from; it is today by default.
 */
@ProblemAnswers
@Controller("/api/v1/reporting")
@Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.BOARD_MEMBER, Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN,
        Roles.PLATFORM_ADMIN})
@Validated
public class DashboardController {

    private final TenantTransactions transactions;
    private final DashboardStore dashboards;
    private final Dashboards figures;
    private final ReportingAccess access;

    public DashboardController(TenantTransactions transactions, DashboardStore dashboards, Dashboards figures,
                               ReportingAccess access) {
        this.transactions = transactions;
        this.dashboards = dashboards;
        this.figures = figures;
        this.access = access;
    }

    /** A region's dashboard, today or `on` the day given. */
    @Get("/regions/{regionId}/dashboard")
    public DashboardView region(Caller caller, @PathVariable UUID regionId, @Nullable @QueryValue LocalDate on) {
        return transactions.read(caller, connection -> {
            String name = access.requireRegion(caller, regionId);
            return dashboard(Scope.region(regionId), name, ReportingAccess.day(on));
        });
    }

    /** An authority's dashboard, today or `on` the day given. */
    @Get("/authorities/{authorityId}/dashboard")
    public DashboardView authority(Caller caller, @PathVariable UUID authorityId, @Nullable @QueryValue LocalDate on) {
        return transactions.read(caller, connection -> {
            access.requireAuthority(caller, authorityId);
            return dashboard(Scope.authority(authorityId), dashboards.names(List.of(authorityId)).get(authorityId),
                    ReportingAccess.day(on));
        });
    }

    /** National figures, across every authority and region: for platform admins. */
    @Get("/national/dashboard")
    @Secured(Roles.PLATFORM_ADMIN)
    public DashboardView national(Caller caller, @Nullable @QueryValue LocalDate on) {
        return transactions.read(caller, connection -> dashboard(Scope.national(), "All authorities", ReportingAccess.day(on)));
    }

    /** The caller's own authority's pipeline: what it proposed or takes part in. */
    @Get("/pipeline")
    public DashboardView.Pipeline pipeline(Caller caller) {
        return transactions.read(caller, connection -> DashboardView.Pipeline.of(
                dashboards.pipeline(Scope.authority(caller.requireAuthority()))));
    }

    /** The hosting arrangements shared with a region, a page at a time. */
    @Get("/regions/{regionId}/arrangements")
    public Page<ArrangementListingView> regionArrangements(Caller caller, @PathVariable UUID regionId,
                                                       @Nullable @QueryValue String theme,
                                                       @Nullable @QueryValue String serviceArea,
                                                       @Nullable @QueryValue String status,
                                                       @Nullable @QueryValue UUID host,
                                                       @QueryValue(defaultValue = "0") @Min(0) int page,
                                                       @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Listing.Filters filters = new Listing.Filters(null, ReportingAccess.code(theme, "theme"),
                ReportingAccess.code(serviceArea, "service area"), null, null, ReportingAccess.name(status, "status"), host);
        return transactions.read(caller, connection -> {
            access.requireRegion(caller, regionId);
            DashboardStore.Paged<Listing.Arrangement> found =
                    dashboards.arrangementPage(Scope.region(regionId), filters, page, size);
            return Page.of(found.rows().stream().map(ArrangementListingView::of).toList(), Pageable.from(page, size),
                    found.total());
        });
    }

    /** The opportunities shared with a region, a page at a time. */
    @Get("/regions/{regionId}/opportunities")
    public Page<OpportunityListingView> regionOpportunities(Caller caller, @PathVariable UUID regionId,
                                                         @Nullable @QueryValue String stage,
                                                         @Nullable @QueryValue String theme,
                                                         @Nullable @QueryValue String serviceArea,
                                                         @Nullable @QueryValue String model,
                                                         @Nullable @QueryValue String horizon,
                                                         @Nullable @QueryValue UUID authority,
                                                         @QueryValue(defaultValue = "0") @Min(0) int page,
                                                         @QueryValue(defaultValue = "50") @Min(1) @Max(500) int size) {
        Listing.Filters filters = new Listing.Filters(ReportingAccess.name(stage, "stage"),
                ReportingAccess.code(theme, "theme"), ReportingAccess.code(serviceArea, "service area"),
                ReportingAccess.name(model, "model"), ReportingAccess.name(horizon, "horizon"), null, authority);
        return transactions.read(caller, connection -> {
            access.requireRegion(caller, regionId);
            DashboardStore.Paged<Listing.Opportunity> found =
                    dashboards.opportunityPage(Scope.region(regionId), filters, page, size);
            return Page.of(found.rows().stream().map(OpportunityListingView::of).toList(), Pageable.from(page, size),
                    found.total());
        });
    }

    private DashboardView dashboard(Scope scope, String name, LocalDate on) {
        return DashboardView.of(figures.dashboard(scope, name, on));
    }
}
