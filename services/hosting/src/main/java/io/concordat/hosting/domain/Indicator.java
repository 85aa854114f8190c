package io.concordat.hosting.domain;

import java.math.BigDecimal;

/**
 * A performance indicator agreed at the start, e.g. "days to process a new claim": which way is
 * better, and how far from target a reading may be and still be amber rather than red.
 */
public record Indicator(String name, String unit, Direction direction, BigDecimal amberMargin) {

    /** Which way is better. */
    public enum Direction { HIGHER_IS_BETTER, LOWER_IS_BETTER }

    /** Red, amber or green against a target; missing when no reading came in. */
    public enum Rating { GREEN, AMBER, RED, MISSING }

    public Indicator {
        if (amberMargin == null || amberMargin.signum() < 0) {
            throw new HostingRuleException("invalid-amber-margin", "The amber margin is zero or more.");
        }
    }

    public Rating rate(BigDecimal reading, BigDecimal target) {
        if (reading == null) {
            return Rating.MISSING;
        }
        BigDecimal shortfall = direction == Direction.HIGHER_IS_BETTER ? target.subtract(reading) : reading.subtract(target);
        if (shortfall.signum() <= 0) {
            return Rating.GREEN;
        }
        return shortfall.compareTo(amberMargin) <= 0 ? Rating.AMBER : Rating.RED;
    }
}
