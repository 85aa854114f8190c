package io.concordat.tenants.domain;

/**
 * A region's board: how many councillors each member authority sends and its rule. Seed 002's
 * Shared Services Board: 3 from each council, consensus, else at least 2 from each in support.
 *
 * @param minimumFromEach only with {@link BoardRule#CONSENSUS_ELSE_MINIMUM_FROM_EACH}
 */
public record Board(int membersPerAuthority, BoardRule rule, Integer minimumFromEach) {

    public static final int MAX_MEMBERS_PER_AUTHORITY = 20;

    /**
     * @throws InvalidRegistrationException when the numbers do not fit the rule
     */
    public static Board describe(int membersPerAuthority, BoardRule rule, Integer minimumFromEach) {
        if (membersPerAuthority < 1 || membersPerAuthority > MAX_MEMBERS_PER_AUTHORITY) {
            throw new InvalidRegistrationException("invalid-board-size",
                    "A board has 1 to " + MAX_MEMBERS_PER_AUTHORITY + " members from each authority.");
        }
        if (rule == BoardRule.CONSENSUS_ELSE_MINIMUM_FROM_EACH) {
            if (minimumFromEach == null || minimumFromEach < 1 || minimumFromEach > membersPerAuthority) {
                throw new InvalidRegistrationException("invalid-minimum-from-each",
                        "This rule needs a minimum from each authority between 1 and " + membersPerAuthority + ".");
            }
        } else if (minimumFromEach != null) {
            throw new InvalidRegistrationException("invalid-minimum-from-each",
                    "A minimum from each authority belongs only to CONSENSUS_ELSE_MINIMUM_FROM_EACH.");
        }
        return new Board(membersPerAuthority, rule, minimumFromEach);
    }
}
