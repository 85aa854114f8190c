package io.concordat.opportunities.app;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.store.OpportunityStore;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Proposing opportunities, by hand or from a vacancy, and finding them. Every method runs in the
 * caller's tenant transaction, so row-level security decides what is seen and written.
 */
@Singleton
public class Proposals {

    private final OpportunityStore opportunities;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public Proposals(OpportunityStore opportunities, AuthorityDirectory authorities, RegionMemberships memberships,
                     EventPublisher events) {
        this.opportunities = opportunities;
        this.authorities = authorities;
        this.memberships = memberships;
        this.events = events;
    }

    /**
     * Writes a new opportunity, the regions it is shared with and its proposer as first
     * participant in the role it chose, with its event.
     *
     * @param regions each one a region the proposer belongs to
     */
    public Opportunity propose(Opportunity proposal, List<UUID> regions, LocalDate targetDecisionOn,
                               LocalDate targetStartOn, ParticipantRole proposerRole) {
        UUID authorityId = proposal.authorityId();
        if (!authorities.isRegistered(authorityId)) {
            throw ProblemException.conflict("authority-not-registered",
                    "Your authority's registration has not reached this service; it cannot propose yet.");
        }
        requireOwnRegions(authorityId, regions);
        Opportunity o = proposal.putForward(regions, targetDecisionOn, targetStartOn, proposerRole);
        opportunities.insert(o);
        events.publish(EventTypes.OPPORTUNITY_PROPOSED, o.id().toString(), authorityId, regions,
                new OpportunityProposed(o.id(), authorityId, o.title(), o.serviceArea().code(), o.description(),
                        regions, o.proposedBy(), o.proposedAt(), name(o.model()), o.horizon().name()));
        return o;
    }

    /** The regions to share with: those named, each one the council's own, or by default all of its regions. */
    public List<UUID> regionsToShareWith(UUID authorityId, List<UUID> named) {
        if (named == null) {
            return memberships.openRegionsOf(authorityId);
        }
        List<UUID> regions = named.stream().distinct().toList();
        requireOwnRegions(authorityId, regions);
        return regions;
    }

    /** The opportunity as far as the caller may see it, with who takes part, its board's recommendation and decisions. */
    public Opportunity find(UUID id) {
        return opportunities.load(id)
                .orElseThrow(() -> ProblemException.notFound("opportunity-not-found", "No opportunity " + id + " for you."));
    }

    private void requireOwnRegions(UUID authorityId, List<UUID> regions) {
        memberships.requireOpen(regions);
        List<UUID> notMember = regions.stream().filter(r -> !memberships.isMember(authorityId, r)).toList();
        if (!notMember.isEmpty()) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.UNPROCESSABLE, "not-a-member-of-region",
                    "Your authority can share only with regions it belongs to; it is not a member of " + notMember + ".",
                    Map.of("regions", notMember.stream().map(UUID::toString).toList()));
        }
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
