package io.concordat.tenants.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * One period of an authority's membership of a region: from {@code joinedOn} until the day
 * before {@code leftOn}, or still current. Periods may be recorded as they were (a council that
 * joined in 2010 and left in 2018), never in the future, and never overlap.
 */
public record MembershipPeriod(LocalDate joinedOn, LocalDate leftOn) {

    /** No region membership is recorded before the present shape of local government (1 April 1974). */
    public static final LocalDate EARLIEST = LocalDate.of(1974, 4, 1);

    public boolean isCurrent() {
        return leftOn == null;
    }

    /** Whether the authority was a member on that day. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(joinedOn) && (leftOn == null || day.isBefore(leftOn));
    }

    /**
     * The day a new membership starts: the one asked for, or today.
     *
     * @param history the authority's earlier periods in the region
     * @throws InvalidRegistrationException when the day is in the future or implausibly early
     * @throws LifecycleException           when the authority is a member already, or the day falls
     *                                      in (or before) an earlier period
     */
    public static LocalDate joining(LocalDate asked, LocalDate today, List<MembershipPeriod> history) {
        LocalDate day = asked == null ? today : asked;
        plausible(day, today, "joined");
        for (MembershipPeriod earlier : history) {
            if (earlier.isCurrent()) {
                throw new LifecycleException("already-a-member", "The authority is already a member of this region.",
                        List.of());
            }
            if (day.isBefore(earlier.leftOn())) {
                throw new LifecycleException("membership-periods-overlap", "A membership from " + day
                        + " would overlap the one from " + earlier.joinedOn() + " to " + earlier.leftOn()
                        + "; a new one starts on or after " + earlier.leftOn() + ".", List.of());
            }
        }
        return day;
    }

    /**
     * The day this (current) membership ends: the one asked for, or today. Leaving on the day of
     * joining leaves no day of membership.
     *
     * @throws InvalidRegistrationException when the day is in the future, implausibly early or before joining
     */
    public LocalDate leaving(LocalDate asked, LocalDate today) {
        LocalDate day = asked == null ? today : asked;
        plausible(day, today, "left");
        if (day.isBefore(joinedOn)) {
            throw new InvalidRegistrationException("left-before-joining",
                    "The membership began on " + joinedOn + "; it cannot end on " + day + ".");
        }
        return day;
    }

    private static void plausible(LocalDate day, LocalDate today, String what) {
        if (day.isAfter(today)) {
            throw new InvalidRegistrationException("membership-date-in-future",
                    "A membership is recorded when it has happened; " + what + " on " + day + " is in the future.");
        }
        if (day.isBefore(EARLIEST)) {
            throw new InvalidRegistrationException("membership-date-too-early",
                    what + " on " + day + " is before " + EARLIEST + ", the earliest membership recorded.");
        }
    }
}
