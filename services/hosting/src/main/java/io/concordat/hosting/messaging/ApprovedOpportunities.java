package io.concordat.hosting.messaging;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.hosting.app.ArrangementCommands;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.CostAllocation;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.domain.Terms;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.kit.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Turns an approved opportunity into a hosting arrangement, agreed as the approving host, with the
 * approving recipients (each council's recorded decision is its consent: none is asked again), starting the day it was approved (permanent, equal shares, until the host
 * sets the terms). Once per opportunity: a second delivery finds the arrangement already made.
 */
@Singleton
public class ApprovedOpportunities implements EventSubscriber {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ArrangementCommands commands;
    private final ArrangementStore store;
    private final TenantTransactions tenants;

    public ApprovedOpportunities(ArrangementCommands commands, ArrangementStore store, TenantTransactions tenants) {
        this.commands = commands;
        this.store = store;
        this.tenants = tenants;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.OPPORTUNITY_APPROVED, (approved, event) -> agree(approved));
    }

    private void agree(OpportunityApproved approved) {
        tenants.actAs(approved.hostAuthorityId());
        if (store.existsForOpportunity(approved.opportunityId())) {
            return;
        }
        LocalDate start = LocalDate.ofInstant(approved.approvedAt(), UK);
        Terms terms = Terms.of(Basis.PERMANENT, start, null, null, null, null, null, null);
        commands.agree(approved.title(), approved.serviceArea(), approved.hostAuthorityId(), terms,
                CostAllocation.EQUAL_SHARES, null, null, null, approved.regionIds(),
                approved.recipientAuthorityIds().stream().map(r -> Recipient.agreed(r, start, null, null)).toList(),
                approved.opportunityId(), "opportunity " + approved.opportunityId());
    }
}
