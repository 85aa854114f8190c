package io.concordat.opportunities.domain;

/**
 * Where a vacant post stands. Only an OPEN vacancy whose closing date has not passed is
 * recruiting; the others are kept for their history.
 */
public enum VacancyStatus {
    /** Being recruited to. */
    OPEN,
    /** The post was filled. */
    FILLED,
    /** The council stopped recruiting to it. */
    WITHDRAWN,
    /** Recruitment stopped while an opportunity to share the post is considered (seeds 000, 002). */
    OPPORTUNITY_OPENED
}
