package io.concordat.hosting.domain;

/** How a review of an arrangement ends. */
public enum ReviewOutcome {
    CONTINUE, VARY, TERMINATE;

    public ArrangementStatus statusAfter() {
        return switch (this) {
            case CONTINUE -> ArrangementStatus.LIVE;
            case VARY -> ArrangementStatus.VARIED;
            case TERMINATE -> ArrangementStatus.TERMINATED;
        };
    }
}
