package io.concordat.opportunities.app;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.opportunities.domain.Participation;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.OpportunityRegionRepository;
import io.concordat.opportunities.store.OpportunityRegionRow;
import io.concordat.opportunities.store.OpportunityRepository;
import io.concordat.opportunities.store.OpportunityRow;
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

    private final OpportunityRepository opportunities;
    private final OpportunityRegionRepository sharing;
    private final CollaborationStore collaboration;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public Proposals(OpportunityRepository opportunities, OpportunityRegionRepository sharing,
                     CollaborationStore collaboration, AuthorityDirectory authorities, RegionMemberships memberships,
                     EventPublisher events) {
        this.opportunities = opportunities;
        this.sharing = sharing;
        this.collaboration = collaboration;
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
    public OpportunityRow propose(Opportunity opportunity, List<UUID> regions, LocalDate targetDecisionOn,
                                  LocalDate targetStartOn, ParticipantRole proposerRole) {
        UUID authorityId = opportunity.authorityId();
        if (!authorities.isRegistered(authorityId)) {
            throw ProblemException.conflict("authority-not-registered",
                    "Your authority's registration has not reached this service; it cannot propose yet.");
        }
        requireOwnRegions(authorityId, regions);
        OpportunityRow row = opportunities.save(new OpportunityRow(opportunity.id(), authorityId, opportunity.title(),
                opportunity.serviceArea().code(), opportunity.description(), opportunity.stage().name(),
                opportunity.proposedBy(), opportunity.proposedAt(), name(opportunity.model()), name(opportunity.trigger()),
                opportunity.horizon().name(), targetDecisionOn, targetStartOn, false, null));
        regions.forEach(region -> sharing.save(new OpportunityRegionRow(new OpportunityRegionRow.Key(row.id(), region),
                authorityId)));
        collaboration.join(row.id(), new Participant(authorityId, Participation.proposerRole(proposerRole),
                ParticipantStatus.COMMITTED, true), row.proposedAt());
        events.publish(EventTypes.OPPORTUNITY_PROPOSED, row.id().toString(), authorityId, regions,
                new OpportunityProposed(row.id(), authorityId, row.title(), row.serviceArea(), row.description(),
                        regions, row.proposedBy(), row.proposedAt(), row.model(), row.horizon()));
        return row;
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

    public OpportunityRow find(UUID id) {
        return opportunities.findById(id)
                .orElseThrow(() -> ProblemException.notFound("opportunity-not-found", "No opportunity " + id + " for you."));
    }

    /** Who takes part in the opportunity, as far as the caller may see. */
    public Participation participation(OpportunityRow row) {
        return new Participation(row.authorityId(), collaboration.participants(row.id()));
    }

    public List<UUID> regionsOf(UUID id) {
        return sharing.findByKeyOpportunityIdIn(List.of(id)).stream().map(r -> r.key().regionId()).toList();
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
