package io.concordat.hosting.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.hosting.app.ArrangementCommands;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.CostAllocation;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.domain.Terms;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.kit.tenancy.TenantTransactions;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/**
 * Turns an approved opportunity into a hosting arrangement, agreed as the approving host, with the
 * approving recipients (each council's recorded decision is its consent: none is asked again), starting the day it was approved (permanent, equal shares, until the host
 * sets the terms). Once per opportunity: a second delivery finds the arrangement already made.
 */
@Singleton
public class ApprovedOpportunities implements EventHandler {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final ArrangementCommands commands;
    private final ArrangementStore store;
    private final TenantTransactions tenants;
    private final EventCodec codec;

    public ApprovedOpportunities(ArrangementCommands commands, ArrangementStore store, TenantTransactions tenants,
                                 JsonMapper json) {
        this.commands = commands;
        this.store = store;
        this.tenants = tenants;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OPPORTUNITIES);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        if (!EventTypes.OPPORTUNITY_APPROVED.type().equals(event.type())) {
            return;
        }
        OpportunityApproved approved = codec.decode(event, EventTypes.OPPORTUNITY_APPROVED);
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
