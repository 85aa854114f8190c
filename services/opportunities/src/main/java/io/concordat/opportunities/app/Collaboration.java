package io.concordat.opportunities.app;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.opportunities.v1.ParticipantJoined;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.opportunities.domain.BusinessCase;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.concordat.opportunities.domain.Participant;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.ParticipantStatus;
import io.concordat.opportunities.domain.Participation;
import io.concordat.opportunities.domain.Stage;
import io.concordat.opportunities.store.CollaborationStore;
import io.concordat.opportunities.store.CollaborationStore.StoredBusinessCase;
import io.concordat.opportunities.store.OpportunityRow;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.UUID;

/**
 * Taking part in an opportunity and its business case. Every method runs in the caller's tenant
 * transaction.
 */
@Singleton
public class Collaboration {

    private final Proposals proposals;
    private final CollaborationStore store;
    private final EventPublisher events;

    public Collaboration(Proposals proposals, CollaborationStore store, EventPublisher events) {
        this.proposals = proposals;
        this.store = store;
        this.events = events;
    }

    /** The caller's council joins, or changes its part; the proposer may take up a real role. */
    public OpportunityRow join(Caller caller, UUID id, ParticipantRole role, ParticipantStatus status) {
        UUID authority = caller.requireAuthority();
        OpportunityRow row = proposals.find(id);
        requireOpen(row);
        Participant participant = proposals.participation(row).join(authority, role, status);
        Instant now = Instant.now();
        store.join(id, participant, now);
        events.publish(EventTypes.PARTICIPANT_JOINED, id.toString(), row.authorityId(), proposals.regionsOf(id),
                new ParticipantJoined(id, authority, participant.role().name(), participant.status().name(),
                        participant.accepted(), now));
        return row;
    }

    /**
     * Stores a new version of the business case, submitted by a council taking part; it may name
     * only councils that take part.
     */
    public StoredBusinessCase submitBusinessCase(Caller caller, UUID id, BusinessCase proposed) {
        OpportunityRow row = proposals.find(id);
        Participation participation = proposals.participation(row);
        if (!participation.takesPart(caller.requireAuthority())) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.NOT_ALLOWED, "not-a-participant",
                    "Only an accepted participant does this.");
        }
        requireOpen(row);
        BusinessCase businessCase = proposed.submittedFor(participation);
        Instant now = Instant.now();
        int version = store.addBusinessCase(id, businessCase, caller.subject(), now);
        events.publish(EventTypes.BUSINESS_CASE_SUBMITTED, id.toString(), row.authorityId(), proposals.regionsOf(id),
                new BusinessCaseSubmitted(id, row.authorityId(), version, businessCase.oneOffCostsPence(),
                        businessCase.externalFundingPence(), businessCase.projectedAnnualSavingsPence(),
                        businessCase.staffingImplications(), now, businessCase.projectedSavings().stream()
                        .map(s -> new BusinessCaseSubmitted.ProjectedSaving(s.authorityId(), s.financialYear(),
                                s.annualPence())).toList(), businessCase.projectedTotalSavingsPence()));
        return new StoredBusinessCase(version, businessCase, caller.subject(), now);
    }

    /**
     * The latest version of the business case, or the one asked for. A version stored before the
     * councils sharing an equal split were kept is shared by those taking part now.
     */
    public StoredBusinessCase businessCase(UUID id, Integer version) {
        OpportunityRow row = proposals.find(id);
        StoredBusinessCase stored = (version == null ? store.latestBusinessCase(id) : store.businessCase(id, version))
                .orElseThrow(() -> ProblemException.notFound("business-case-not-found", version == null
                        ? "Opportunity " + id + " has no business case yet."
                        : "Opportunity " + id + " has no business case version " + version + "."));
        if (stored.businessCase().sharedBy().isEmpty()) {
            return new StoredBusinessCase(stored.version(),
                    stored.businessCase().withSharedBy(proposals.participation(row).takingPart()), stored.submittedBy(),
                    stored.submittedAt());
        }
        return stored;
    }

    private static void requireOpen(OpportunityRow row) {
        if (Stage.valueOf(row.stage()).isClosed()) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.CONFLICT, "opportunity-closed",
                    "The opportunity is " + row.stage() + ".");
        }
    }
}
