package io.concordat.opportunities.domain;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/** Where an opportunity stands, from a first idea to a live shared service. */
public enum Stage {
    IDEA, IN_PRINCIPLE, OUTLINE_BUSINESS_CASE, FULL_BUSINESS_CASE, BOARD_RECOMMENDATION, DECIDED, IMPLEMENTING, LIVE,
    ON_HOLD, REJECTED, WITHDRAWN;

    private static final Set<Stage> CLOSED = EnumSet.of(LIVE, REJECTED, WITHDRAWN);

    /**
     * The stages a person may move an opportunity to from here. DECIDED is reached by the
     * councils' decisions, never by hand; a long-term opportunity goes to the board only with a
     * full business case, a quick win may go without one.
     */
    public Set<Stage> next(Horizon horizon) {
        Set<Stage> next = new LinkedHashSet<>();
        switch (this) {
            case IDEA -> next.add(IN_PRINCIPLE);
            case IN_PRINCIPLE -> {
                next.add(OUTLINE_BUSINESS_CASE);
                if (horizon == Horizon.QUICK_WIN) {
                    next.add(BOARD_RECOMMENDATION);
                }
            }
            case OUTLINE_BUSINESS_CASE -> {
                next.add(FULL_BUSINESS_CASE);
                if (horizon != Horizon.LONG_TERM) {
                    next.add(BOARD_RECOMMENDATION);
                }
            }
            case FULL_BUSINESS_CASE -> next.add(BOARD_RECOMMENDATION);
            case DECIDED -> next.add(IMPLEMENTING);
            case IMPLEMENTING -> next.add(LIVE);
            case ON_HOLD -> next.addAll(EnumSet.of(IDEA, IN_PRINCIPLE, OUTLINE_BUSINESS_CASE, FULL_BUSINESS_CASE));
            default -> { }
        }
        if (!CLOSED.contains(this) && this != DECIDED && this != IMPLEMENTING) {
            if (this != ON_HOLD) {
                next.add(ON_HOLD);
            }
            next.add(REJECTED);
            next.add(WITHDRAWN);
        }
        return next;
    }

    /**
     * @throws IllegalTransitionException naming the allowed stages, when {@code to} is not one of them
     */
    public Stage moveTo(Stage to, Horizon horizon) {
        Set<Stage> allowed = next(horizon);
        if (!allowed.contains(to)) {
            throw new IllegalTransitionException(this, to, allowed);
        }
        return to;
    }

    public boolean isClosed() {
        return CLOSED.contains(this);
    }
}
