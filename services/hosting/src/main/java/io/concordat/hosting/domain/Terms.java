package io.concordat.hosting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The terms a service is hosted on (seed 000): a permanent arrangement; a fixed term with an end;
 * a trial (12 months with a review at 6, by default); or an interim arrangement until a condition
 * is met. Capacity in days a week, e.g. 3.
 */
public record Terms(Basis basis, LocalDate startsOn, LocalDate endsOn, LocalDate reviewOn, String interimCondition,
                    BigDecimal capacityDaysPerWeek, String capacityNote) {

    /**
     * @param trialMonths a trial's length when no end is given (12 by default)
     * @throws HostingRuleException when the dates, condition or capacity do not fit the basis
     */
    public static Terms of(Basis basis, LocalDate startsOn, LocalDate endsOn, Integer trialMonths, LocalDate reviewOn,
                           String interimCondition, BigDecimal capacityDaysPerWeek, String capacityNote) {
        if (startsOn == null) {
            throw new HostingRuleException("start-required", "An arrangement needs a start date.");
        }
        if (capacityDaysPerWeek != null && (capacityDaysPerWeek.signum() < 0 || capacityDaysPerWeek.compareTo(BigDecimal.valueOf(7)) > 0)) {
            throw new HostingRuleException("invalid-capacity", "Capacity is 0 to 7 days a week.");
        }
        LocalDate end = endsOn;
        LocalDate review = reviewOn;
        switch (basis) {
            case FIXED_TERM -> {
                if (end == null) {
                    throw new HostingRuleException("end-required", "A fixed term needs its end date.");
                }
            }
            case TRIAL -> {
                int months = trialMonths == null ? 12 : trialMonths;
                if (months < 1 || months > 60) {
                    throw new HostingRuleException("invalid-trial-length", "A trial runs 1 to 60 months.");
                }
                end = end == null ? startsOn.plusMonths(months).minusDays(1) : end;
                review = review == null ? startsOn.plusMonths(Math.max(1, months / 2)) : review;
            }
            case INTERIM -> {
                if (interimCondition == null || interimCondition.isBlank()) {
                    throw new HostingRuleException("condition-required",
                            "An interim arrangement states the condition that ends it, e.g. until a post is filled.");
                }
            }
            case PERMANENT -> {
                if (end != null) {
                    throw new HostingRuleException("permanent-has-no-end", "A permanent arrangement has no end date.");
                }
            }
        }
        if (end != null && !end.isAfter(startsOn)) {
            throw new HostingRuleException("end-before-start", "The end date must come after the start date.");
        }
        if (review != null && (review.isBefore(startsOn) || (end != null && review.isAfter(end)))) {
            throw new HostingRuleException("review-outside-term", "The review falls within the term.");
        }
        return new Terms(basis, startsOn, end, review, interimCondition == null ? null : interimCondition.strip(),
                capacityDaysPerWeek, capacityNote);
    }
}
