package io.concordat.hosting.app;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementStarted;
import io.concordat.events.hosting.v1.ArrangementTerminated;
import io.concordat.events.hosting.v1.HostTransferAccepted;
import io.concordat.events.hosting.v1.HostTransferDeclined;
import io.concordat.events.hosting.v1.HostTransferProposed;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.events.hosting.v1.RechargeIssued;
import io.concordat.events.hosting.v1.RecipientAccepted;
import io.concordat.events.hosting.v1.RecipientDeclined;
import io.concordat.events.hosting.v1.RecipientInvited;
import io.concordat.events.hosting.v1.RecipientJoined;
import io.concordat.events.hosting.v1.RecipientLeft;
import io.concordat.events.hosting.v1.SavingsRecorded;
import io.concordat.hosting.domain.Arrangement;
import io.concordat.hosting.domain.ArrangementStatus;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.Consent;
import io.concordat.hosting.domain.FinancialYear;
import io.concordat.hosting.domain.HostTransfer;
import io.concordat.hosting.domain.HostingRuleException;
import io.concordat.hosting.domain.HostingRuleException.Refusal;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.domain.Savings;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The use cases of a running arrangement: starting it, asking a council to receive the service and
 * its answer, a recipient leaving, proposing a new host and its answer, recharges, termination (also
 * when an interim condition is met), and each year's baselines, running costs and ledger. Each loads
 * the arrangement, asks it, records what it returned and publishes the facts, in one transaction as
 * the caller's authority.
 */
@Singleton
public class Arrangements {

    private final TenantTransactions transactions;
    private final ArrangementStore store;
    private final AuthorityDirectory authorities;
    private final EventPublisher events;

    public Arrangements(TenantTransactions transactions, ArrangementStore store, AuthorityDirectory authorities,
                        EventPublisher events) {
        this.transactions = transactions;
        this.store = store;
        this.authorities = authorities;
        this.events = events;
    }

    /** The agreed arrangement goes live on a day. */
    public void start(Caller caller, UUID id, LocalDate startedOn) {
        transactions.write(caller, connection -> {
            Arrangement a = load(id);
            a.requireHost(caller.requireAuthority());
            a.start(startedOn);
            store.setStatus(id, ArrangementStatus.LIVE.name());
            store.log(id, "Started on " + startedOn, caller.subject());
            events.publish(EventTypes.ARRANGEMENT_STARTED, id.toString(), a.hostAuthorityId(), row(id).regionIds(),
                    new ArrangementStarted(id, a.hostAuthorityId(), startedOn, caller.subject(), Instant.now()));
            return null;
        });
    }

    /** The host records that a recipient stopped receiving the service on a day. */
    public void recipientLeaves(Caller caller, UUID id, UUID authority, LocalDate leftOn, String reason) {
        transactions.write(caller, connection -> {
            Arrangement a = load(id);
            a.requireHost(caller.requireAuthority());
            if (store.recipientLeaves(id, authority, leftOn, reason) == 0) {
                throw new HostingRuleException(Refusal.CONFLICT, "not-a-recipient",
                        "That body does not receive the service now.");
            }
            store.log(id, authorities.nameOf(authority) + " left on " + leftOn + ": " + reason, caller.subject());
            events.publish(EventTypes.RECIPIENT_LEFT, id.toString(), a.hostAuthorityId(), row(id).regionIds(),
                    new RecipientLeft(id, authority, leftOn, reason, Instant.now()));
            return null;
        });
    }

    /** An interim arrangement's condition was met (e.g. the post was filled): it ends that day. */
    public void conditionMet(Caller caller, UUID id, LocalDate metOn) {
        transactions.write(caller, connection -> {
            load(id).requireHost(caller.requireAuthority());
            ArrangementStore.Arrangement row = row(id);
            Basis.valueOf(row.basis()).requireEndsOnCondition();
            store.conditionMet(id, metOn, caller.subject());
            end(caller, id, metOn, "Condition met: " + row.interimCondition());
            return null;
        });
    }

    /** The host asks a council to receive the service; it receives nothing until it accepts. */
    public void askRecipient(Caller caller, UUID id, UUID authority, LocalDate joinedOn, String serviceLevel,
                             String accountManager) {
        transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            a.requireHost(caller.requireAuthority());
            Recipient asked = a.askRecipient(authority, authorities.isRegistered(authority), joinedOn, serviceLevel,
                    accountManager);
            ArrangementStore.Arrangement row = row(id);
            Instant now = Instant.now();
            store.addRecipient(id, asked, caller.subject(), now);
            store.awaitAnswer(id, authority);
            store.log(id, "Asked " + authorities.nameOf(authority) + " to receive the service from " + joinedOn,
                    caller.subject());
            events.publish(EventTypes.RECIPIENT_INVITED, id.toString(), a.hostAuthorityId(), row.regionIds(),
                    new RecipientInvited(id, a.hostAuthorityId(), authority, joinedOn, caller.subject(), now));
            return null;
        });
    }

    /**
     * A council's own answer to being asked to receive the service. Accepting, it joins from the day
     * it was asked to (RecipientJoined); declining, it never joins and no longer sees the arrangement.
     */
    public void answerAsRecipient(Caller caller, UUID id, UUID authority, Consent answer) {
        UUID council = ownCouncil(caller, authority);
        transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            Recipient answered = a.answerAsRecipient(council, answer);
            ArrangementStore.Arrangement row = row(id);
            Instant now = Instant.now();
            String name = authorities.nameOf(council);
            if (answer == Consent.ACCEPTED) {
                store.log(id, name + " accepted to receive the service from " + answered.joinedOn(), caller.subject());
                requireAnswered(store.answerAsRecipient(id, answered, caller.subject(), now));
                store.addParty(id, council);
                events.publish(EventTypes.RECIPIENT_ACCEPTED, id.toString(), council, row.regionIds(),
                        new RecipientAccepted(id, council, answered.joinedOn(), caller.subject(), now));
                events.publish(EventTypes.RECIPIENT_JOINED, id.toString(), a.hostAuthorityId(), row.regionIds(),
                        new RecipientJoined(id, council, answered.joinedOn(), now));
            } else {
                store.log(id, name + " declined to receive the service", caller.subject());
                requireAnswered(store.answerAsRecipient(id, answered, caller.subject(), now));
                events.publish(EventTypes.RECIPIENT_DECLINED, id.toString(), council, row.regionIds(),
                        new RecipientDeclined(id, council, caller.subject(), now));
            }
            store.answered(id, council);
            return null;
        });
    }

    /** The host proposes that another body host the service from a day; it keeps it until that body accepts. */
    public void proposeTransfer(Caller caller, UUID id, UUID to, LocalDate effectiveOn) {
        transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            a.requireHost(caller.requireAuthority());
            HostTransfer proposed = a.proposeTransfer(to, authorities.isRegistered(to), effectiveOn);
            ArrangementStore.Arrangement row = row(id);
            Instant now = Instant.now();
            store.proposeTransfer(id, proposed, caller.subject(), now);
            store.awaitAnswer(id, to);
            store.log(id, "Proposed that " + authorities.nameOf(to) + " host the service from " + effectiveOn,
                    caller.subject());
            events.publish(EventTypes.HOST_TRANSFER_PROPOSED, id.toString(), a.hostAuthorityId(), row.regionIds(),
                    new HostTransferProposed(id, proposed.id(), a.hostAuthorityId(), to, effectiveOn, caller.subject(), now));
            return null;
        });
    }

    /**
     * The proposed host's own answer. Accepting, it hosts from the day proposed: the former host's
     * period ends the day before, and HostTransferred follows.
     */
    public void answerTransfer(Caller caller, UUID id, UUID transferId, Consent answer) {
        UUID council = caller.requireAuthority();
        transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            HostTransfer answered = a.answerTransfer(council, answer);
            if (!answered.id().equals(transferId)) {
                throw new HostingRuleException(Refusal.CONFLICT, "no-transfer-proposed",
                        "Transfer " + transferId + " is not the one awaiting your answer.");
            }
            ArrangementStore.Arrangement row = row(id);
            Instant now = Instant.now();
            String from = authorities.nameOf(answered.fromAuthorityId());
            String to = authorities.nameOf(council);
            if (answer == Consent.ACCEPTED) {
                store.log(id, to + " accepted to host the service; host transferred from " + from + " to " + to + " from "
                        + answered.effectiveOn(), caller.subject());
                // In this order: accepting makes the council a party and the host; as host it then writes the host history.
                store.addParty(id, council);
                store.changeHost(id, council);
                store.endHostPeriod(id, answered.effectiveOn().minusDays(1));
                store.startHostPeriod(id, council, answered.effectiveOn());
                requireAnswered(store.answerTransfer(answered, caller.subject(), now));
                events.publish(EventTypes.HOST_TRANSFER_ACCEPTED, id.toString(), council, row.regionIds(),
                        new HostTransferAccepted(id, answered.id(), answered.fromAuthorityId(), council,
                                answered.effectiveOn(), caller.subject(), now));
                events.publish(EventTypes.HOST_TRANSFERRED, id.toString(), council, row.regionIds(),
                        new HostTransferred(id, answered.fromAuthorityId(), council, answered.effectiveOn(), now));
            } else {
                store.log(id, to + " declined to host the service; " + from + " keeps it", caller.subject());
                requireAnswered(store.answerTransfer(answered, caller.subject(), now));
                events.publish(EventTypes.HOST_TRANSFER_DECLINED, id.toString(), council, row.regionIds(),
                        new HostTransferDeclined(id, answered.id(), answered.fromAuthorityId(), council, caller.subject(), now));
            }
            store.answered(id, council);
            return null;
        });
    }

    /**
     * The body that hosted on the period's first day recharges a recipient for a period the
     * arrangement ran and the recipient received it; the ledger credits that body with it.
     */
    public void recharge(Caller caller, UUID id, UUID recipient, LocalDate from, LocalDate to, long amountPence) {
        UUID issuer = caller.requireAuthority();
        transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            a.requireIssuerOf(from, issuer);
            a.requireRecharge(recipient, from, to, amountPence);
            Instant now = Instant.now();
            store.addRecharge(id, recipient, from, to, amountPence, caller.subject(), now);
            events.publish(EventTypes.RECHARGE_ISSUED, id.toString(), issuer, row(id).regionIds(),
                    new RechargeIssued(id, issuer, recipient, from, to, amountPence, now));
            return null;
        });
    }

    /** The host ends the arrangement on its exit date; every current recipient stops receiving it that day. */
    public void terminate(Caller caller, UUID id, LocalDate exitOn, String reason) {
        transactions.write(caller, connection -> {
            end(caller, id, exitOn, reason);
            return null;
        });
    }

    /**
     * Ends the arrangement, inside the caller's transaction: also used when an interim arrangement's
     * condition is met and when a review decides to terminate.
     */
    public void end(Caller caller, UUID id, LocalDate exitOn, String reason) {
        Arrangement a = loadForChange(id);
        a.requireHost(caller.requireAuthority());
        List<Recipient> leaving = a.terminate(exitOn, reason);
        ArrangementStore.Arrangement row = row(id);
        Instant now = Instant.now();
        store.log(id, "Terminated, exit on " + exitOn + ": " + reason, caller.subject());
        store.terminate(id, exitOn, reason);
        for (Recipient r : leaving) {
            store.recipientLeaves(id, r.authorityId(), r.leftOn(), r.leftReason());
            store.log(id, authorities.nameOf(r.authorityId()) + " left on " + r.leftOn() + ": " + r.leftReason(),
                    caller.subject());
            events.publish(EventTypes.RECIPIENT_LEFT, id.toString(), a.hostAuthorityId(), row.regionIds(),
                    new RecipientLeft(id, r.authorityId(), r.leftOn(), r.leftReason(), now));
        }
        events.publish(EventTypes.ARRANGEMENT_TERMINATED, id.toString(), a.hostAuthorityId(), row.regionIds(),
                new ArrangementTerminated(id, reason, exitOn, now));
    }

    /** A year's ledger: each authority's baseline, cost and saving, and each host's running cost that year. */
    public record Ledger(FinancialYear year, Map<UUID, Long> runningCosts, Map<UUID, Savings.Line> lines) {
    }

    /** Each party (host or recipient) records its own baseline: what the service cost it alone in the year. */
    public Ledger setBaseline(Caller caller, UUID id, FinancialYear year, long pence) {
        requireNotNegative(pence);
        UUID authority = caller.requireAuthority();
        transactions.write(caller, connection -> {
            if (!row(id).partyIds().contains(authority)) {
                throw new HostingRuleException(Refusal.NOT_YOURS, "not-a-party", "Only a host or recipient records a baseline.");
            }
            store.setBaseline(id, authority, year.toString(), pence);
            return null;
        });
        return ledger(caller, id, year);
    }

    /** A host of the year records its own running cost for it; a later host cannot overwrite it. */
    public Ledger setRunningCost(Caller caller, UUID id, FinancialYear year, long pence) {
        requireNotNegative(pence);
        UUID host = caller.requireAuthority();
        return transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            a.requireHostIn(year, host);
            store.setRunningCost(id, year.toString(), host, pence);
            return ledger(a, year);
        });
    }

    public Ledger ledger(Caller caller, UUID id, FinancialYear year) {
        return transactions.read(caller, connection -> ledger(load(id), year));
    }

    /** A host of the year closes its figures: each authority's saving is published as SavingsRecorded. */
    public Ledger recordSavings(Caller caller, UUID id, FinancialYear year) {
        return transactions.write(caller, connection -> {
            Arrangement a = loadForChange(id);
            a.requireHostIn(year, caller.requireAuthority());
            Ledger ledger = ledger(a, year);
            List<UUID> regions = row(id).regionIds();
            Instant now = Instant.now();
            ledger.lines().values().forEach(s -> events.publish(EventTypes.SAVINGS_RECORDED, id.toString(), s.authorityId(),
                    regions, new SavingsRecorded(id, s.authorityId(), year.toString(), s.baselinePence(), s.costPence(),
                            s.savingPence(), now)));
            return ledger;
        });
    }

    private Ledger ledger(Arrangement a, FinancialYear year) {
        Map<UUID, Long> running = new java.util.LinkedHashMap<>();
        a.hostsIn(year).forEach(h -> running.put(h, 0L));
        running.putAll(store.runningCosts(a.id(), year.toString()));
        return new Ledger(year, running, a.ledger(year, store.baselines(a.id(), year.toString()),
                store.rechargesIn(a.id(), year), running));
    }

    private Arrangement load(UUID id) {
        return store.load(id).orElseThrow(() -> notFound(id));
    }

    /**
     * Loads the arrangement locked: the consent and money steps on one arrangement go one at a time.
     * Only a party or a council asked may lock it; a member of a region it is shared with reads it but
     * changes nothing.
     */
    private Arrangement loadForChange(UUID id) {
        return store.loadForChange(id).orElseThrow(() -> store.find(id).isPresent()
                ? new HostingRuleException(Refusal.NOT_YOURS, "not-a-party", "Only the parties to the arrangement change it.")
                : notFound(id));
    }

    /** An answer recorded by no row was given meanwhile by a step that went first. */
    private static void requireAnswered(int rows) {
        if (rows == 0) {
            throw new HostingRuleException(Refusal.CONFLICT, "answered-already", "That answer has already been given.");
        }
    }

    private ArrangementStore.Arrangement row(UUID id) {
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("arrangement-not-found", "No arrangement " + id + " for you.");
    }

    /** A council answers only for itself. */
    private static UUID ownCouncil(Caller caller, UUID authority) {
        UUID own = caller.requireAuthority();
        if (!own.equals(authority)) {
            throw new HostingRuleException(Refusal.NOT_YOURS, "not-your-council", "A council answers only for itself.");
        }
        return own;
    }

    private static void requireNotNegative(long pence) {
        if (pence < 0) {
            throw new HostingRuleException("negative-amount", "An amount is zero pence or more.");
        }
    }
}
