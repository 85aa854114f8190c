package io.concordat.hosting.domain;

/** How the cost of the hosted service is shared. */
public enum CostAllocation {
    EQUAL_SHARES, BY_USAGE, FIXED_FEE, RECHARGE_AT_COST_PER_DAY
}
