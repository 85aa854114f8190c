package io.concordat.opportunities.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A region's board as the opportunities service knows it: the councillors each member authority
 * sends and the rule it recommends by. It recommends; it does not decide.
 */
public record Board(int membersPerAuthority, BoardRule rule, Integer minimumFromEach) {

    /**
     * @throws OpportunityRuleException when the authority already has all its seats voted
     */
    public void admit(List<BoardVote> cast, BoardVote vote) {
        long fromSame = cast.stream().filter(v -> v.authorityId().equals(vote.authorityId())).count();
        if (fromSame >= membersPerAuthority) {
            throw new OpportunityRuleException("board-seats-filled",
                    "All " + membersPerAuthority + " councillors of that authority have voted.");
        }
    }

    /**
     * Applies the rule to the votes cast.
     *
     * @param authorities the authorities the board represents (the region's members)
     */
    public BoardRecommendation evaluate(List<BoardVote> votes, Set<UUID> authorities) {
        int inFavour = (int) votes.stream().filter(BoardVote::inFavour).count();
        int against = votes.size() - inFavour;
        Map<UUID, Long> supportBy = votes.stream().filter(BoardVote::inFavour)
                .collect(Collectors.groupingBy(BoardVote::authorityId, Collectors.counting()));
        Set<UUID> voting = votes.stream().map(BoardVote::authorityId).collect(Collectors.toSet());
        boolean consensus = !votes.isEmpty() && against == 0 && voting.containsAll(authorities);
        return switch (rule) {
            case CONSENSUS -> new BoardRecommendation(consensus, rule, inFavour, against,
                    consensus ? "Consensus" : "No consensus");
            case CONSENSUS_ELSE_MINIMUM_FROM_EACH -> {
                if (consensus) {
                    yield new BoardRecommendation(true, rule, inFavour, against, "Consensus");
                }
                boolean enoughFromEach = authorities.stream()
                        .allMatch(a -> supportBy.getOrDefault(a, 0L) >= minimumFromEach);
                yield new BoardRecommendation(enoughFromEach, rule, inFavour, against, enoughFromEach
                        ? "No consensus; at least " + minimumFromEach + " from each authority in favour"
                        : "No consensus, and fewer than " + minimumFromEach + " in favour from at least one authority");
            }
            case SIMPLE_MAJORITY -> new BoardRecommendation(inFavour > against, rule, inFavour, against,
                    inFavour > against ? "A majority in favour" : "No majority in favour");
        };
    }
}
