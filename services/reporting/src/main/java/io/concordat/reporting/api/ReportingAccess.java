package io.concordat.reporting.api;

import io.concordat.events.ReportingPeriod;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.reporting.store.DashboardStore;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Who may read which figures: a region's to staff of its current member authorities (and the
 * platform), an authority's to its own staff (and the platform). Anyone else is told the region
 * or authority does not exist, as they cannot tell it apart from one that does not. Call inside
 * the reader's transaction.
 */
@Singleton
public class ReportingAccess {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z.-]{1,59}");
    private static final Pattern NAME = Pattern.compile("[A-Z][A-Z_]{1,39}");

    private final RegionMemberships memberships;
    private final DashboardStore dashboards;

    public ReportingAccess(RegionMemberships memberships, DashboardStore dashboards) {
        this.memberships = memberships;
        this.dashboards = dashboards;
    }

    /** Returns the region's name. */
    public String requireRegion(Caller caller, UUID regionId) {
        boolean allowed = isPlatform(caller) || caller.authorityId().map(a -> memberships.isMember(a, regionId)).orElse(false);
        return dashboards.regionName(regionId).filter(name -> allowed).orElseThrow(() ->
                ProblemException.notFound("region-not-found", "No region " + regionId + " that your authority belongs to."));
    }

    public static boolean isPlatform(Caller caller) {
        return caller.hasRole(Roles.PLATFORM_ADMIN) && caller.authorityId().isEmpty();
    }

    public void requireAuthority(Caller caller, UUID authorityId) {
        boolean own = caller.authorityId().map(authorityId::equals).orElse(false);
        if (!own && !isPlatform(caller)) {
            throw ProblemException.notFound("authority-not-found", "Figures are shown for your own authority only.");
        }
    }

    /**
     * The day figures are counted from ({@code ?on=}): the one asked for, or today in the UK. Every
     * endpoint that takes {@code on} reads it here; a day outside the financial years the platform
     * reports on (1990/91 to 2099/00) is refused, as dates near the calendar's end cannot be counted from.
     */
    public static LocalDate day(LocalDate asked) {
        if (asked != null && !ReportingPeriod.reportsOn(asked)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "day-out-of-range", "The request is not valid",
                    "The parameter on=" + asked + " is outside the days reported on: give a day from "
                    + ReportingPeriod.EARLIEST + " to " + ReportingPeriod.LATEST + ".",
                    Map.of("parameter", "on", "earliest", ReportingPeriod.EARLIEST.toString(),
                            "latest", ReportingPeriod.LATEST.toString()));
        }
        return asked == null ? LocalDate.now(UK) : asked;
    }

    /** A service area or theme code such as {@code support.elections}; null stays null. */
    public static String code(String value, String what) {
        return check(value, CODE, what, "a code such as support.elections");
    }

    /** A stage, model, horizon or status such as {@code FULL_BUSINESS_CASE}; null stays null. */
    public static String name(String value, String what) {
        return check(value, NAME, what, "capitals and underscores, such as FULL_BUSINESS_CASE");
    }

    private static String check(String value, Pattern form, String what, String expected) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!form.matcher(v).matches()) {
            throw ProblemException.badRequest("invalid-filter", "The " + what + " filter is " + expected + ".");
        }
        return v;
    }
}
