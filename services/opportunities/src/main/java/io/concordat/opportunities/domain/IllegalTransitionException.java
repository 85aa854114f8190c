package io.concordat.opportunities.domain;

import java.util.Map;
import java.util.Set;

/** A stage change the rules do not allow; carries the stages that are allowed. */
public class IllegalTransitionException extends OpportunityRuleException {

    private final Set<Stage> allowed;

    public IllegalTransitionException(Stage from, Stage to, Set<Stage> allowed) {
        super(Kind.CONFLICT, "illegal-stage-change",
                "An opportunity at " + from + " cannot move to " + to + "; it may move to " + allowed + ".",
                Map.of("allowed", allowed.stream().map(Enum::name).sorted().toList()));
        this.allowed = Set.copyOf(allowed);
    }

    public Set<Stage> allowed() {
        return allowed;
    }
}
