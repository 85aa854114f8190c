package io.concordat.opportunities.domain;

/** How soon an opportunity could be delivered (the Bromsgrove and Redditch phases). */
public enum Horizon {
    /** Within 6 months; may go to the board without a business case. */
    QUICK_WIN,
    /** Within 12 months; an outline business case is enough. */
    MEDIUM_TERM,
    /** Needs a full business case before the board. */
    LONG_TERM
}
