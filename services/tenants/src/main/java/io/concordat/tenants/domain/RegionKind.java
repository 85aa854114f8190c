package io.concordat.tenants.domain;

/** What kind of grouping a region is. */
public enum RegionKind {
    COUNTY_AREA, PARTNERSHIP, STRATEGIC_ALLIANCE, COMMUNITY_PLANNING_PARTNERSHIP, IMPROVEMENT_PARTNERSHIP, OTHER
}
