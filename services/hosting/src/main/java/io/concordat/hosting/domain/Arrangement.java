package io.concordat.hosting.domain;

import io.concordat.hosting.domain.HostingRuleException.Refusal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A hosting arrangement as its rules see it: who hosts it now and who hosted it when, its
 * recipients (asked, receiving or gone), a host transfer awaiting its answer, and whether it has
 * ended. Each rule is a method that either refuses, with the one {@link HostingRuleException}, or
 * returns what is to be recorded.
 */
public record Arrangement(UUID id, UUID hostAuthorityId, ArrangementStatus status, LocalDate startsOn, LocalDate exitOn,
                          List<HostPeriod> hosts, List<Recipient> recipients, Optional<HostTransfer> pendingTransfer) {

    public Arrangement {
        hosts = List.copyOf(hosts);
        recipients = List.copyOf(recipients);
    }

    public boolean isTerminated() {
        return status == ArrangementStatus.TERMINATED;
    }

    /** Only the current host runs the arrangement. */
    public void requireHost(UUID authority) {
        if (!hostAuthorityId.equals(authority)) {
            throw new HostingRuleException(Refusal.NOT_YOURS, "not-the-host", "Only the current host runs the arrangement.");
        }
    }

    /** Only an agreed arrangement goes live, and not before the start it was agreed with. */
    public void start(LocalDate startedOn) {
        if (status != ArrangementStatus.AGREED) {
            throw new HostingRuleException(Refusal.CONFLICT, "not-agreed", "Only an agreed arrangement starts; this one is "
                    + status.name() + ".");
        }
        if (startedOn.isBefore(startsOn)) {
            throw new HostingRuleException("starts-before-agreed-start", "It cannot start before " + startsOn + ".");
        }
    }

    /**
     * Asks a council to receive the service from a day; it receives nothing until it accepts.
     *
     * @param registered whether the council is a registered body
     */
    public Recipient askRecipient(UUID authority, boolean registered, LocalDate joinedOn, String serviceLevel,
                                  String accountManager) {
        requireNotEnded();
        if (authority.equals(hostAuthorityId) || !registered) {
            throw new HostingRuleException(Refusal.UNPROCESSABLE, "invalid-recipient",
                    "A recipient is a registered body other than the host.");
        }
        if (recipients.stream().anyMatch(r -> r.authorityId().equals(authority) && r.isCurrent())) {
            throw new HostingRuleException(Refusal.CONFLICT, "already-a-recipient", "That body already receives the service.");
        }
        if (recipients.stream().anyMatch(r -> r.authorityId().equals(authority) && r.isAsked())) {
            throw new HostingRuleException(Refusal.CONFLICT, "already-asked", "That body has been asked already and not yet answered.");
        }
        if (joinedOn.isBefore(startsOn)) {
            throw new HostingRuleException("joins-before-start", "A recipient cannot join before the arrangement starts.");
        }
        return Recipient.asked(authority, joinedOn, serviceLevel, accountManager);
    }

    /** The council's answer to being asked to receive the service: the recipient as it now stands. */
    public Recipient answerAsRecipient(UUID authority, Consent answer) {
        Recipient asked = recipients.stream().filter(r -> r.authorityId().equals(authority) && r.isAsked()).findFirst()
                .orElseThrow(() -> new HostingRuleException(Refusal.CONFLICT, "not-asked",
                        "Your council has not been asked to receive this service, or has answered already."));
        if (answer == Consent.ACCEPTED) {
            requireNotEnded();
        }
        return asked.answered(answer);
    }

    /**
     * Proposes that another body host the service from a day; the current host keeps it until that body accepts.
     *
     * @param registered whether the proposed host is a registered body
     */
    public HostTransfer proposeTransfer(UUID to, boolean registered, LocalDate effectiveOn) {
        requireNotEnded();
        HostPeriod.requireTransfer(hosts, to, effectiveOn);
        if (!registered) {
            throw new HostingRuleException(Refusal.UNPROCESSABLE, "unknown-authority", "No registered body " + to + ".");
        }
        if (pendingTransfer.isPresent()) {
            throw new HostingRuleException(Refusal.CONFLICT, "transfer-awaiting-answer",
                    "A transfer of the hosting is already awaiting its answer.");
        }
        return new HostTransfer(UUID.randomUUID(), hostAuthorityId, to, effectiveOn, Consent.ASKED);
    }

    /** The proposed host's answer: accepted, the hosting passes to it from the day proposed. */
    public HostTransfer answerTransfer(UUID authority, Consent answer) {
        HostTransfer proposed = pendingTransfer.filter(t -> t.toAuthorityId().equals(authority))
                .orElseThrow(() -> new HostingRuleException(Refusal.CONFLICT, "no-transfer-proposed",
                        "No transfer of the hosting to your council is awaiting an answer."));
        if (answer == Consent.ACCEPTED) {
            requireNotEnded();
            HostPeriod.requireTransfer(hosts, authority, proposed.effectiveOn());
        }
        return proposed.answered(answer);
    }

    /**
     * A recharge is issued by the body that hosted on the first day of its period, and credited to it
     * in that year's ledger: a former host bills for its own periods, and a host for none before its
     * hosting began.
     */
    public void requireIssuerOf(LocalDate periodFrom, UUID authority) {
        UUID hostThen = HostPeriod.hostOn(hosts, periodFrom).orElse(null);
        if (!authority.equals(hostThen)) {
            throw new HostingRuleException(Refusal.NOT_YOURS, "not-the-host-then", "A recharge for a period from "
                    + periodFrom + " is issued by the body that hosted the service on that day"
                    + (hostThen == null ? "; no body did." : ", not by your council."));
        }
    }

    /**
     * Checks a recharge: money only for a period the arrangement ran, to a recipient that accepted and
     * received the service during it.
     */
    public void requireRecharge(UUID recipient, LocalDate from, LocalDate to, long amountPence) {
        if (amountPence < 0 || to.isBefore(from)) {
            throw new HostingRuleException("invalid-recharge", "A recharge is for a period that ends after it starts, "
                    + "and is zero pence or more.");
        }
        if (exitOn != null && to.isAfter(exitOn)) {
            throw new HostingRuleException(Refusal.CONFLICT, "after-exit", "The arrangement ended on " + exitOn
                    + "; nothing is recharged for a period after it.");
        }
        if (recipients.stream().noneMatch(r -> r.authorityId().equals(recipient) && r.receivesDuring(from, to))) {
            throw new HostingRuleException(Refusal.UNPROCESSABLE, "not-a-recipient",
                    "That body did not receive the service during the period.");
        }
    }

    /**
     * Ends the arrangement on its exit date: every current recipient stops receiving it that day.
     *
     * @return the recipients as they leave
     */
    public List<Recipient> terminate(LocalDate exit, String reason) {
        if (isTerminated()) {
            throw new HostingRuleException(Refusal.CONFLICT, "already-terminated", "The arrangement has already ended.");
        }
        if (exit.isBefore(startsOn)) {
            throw new HostingRuleException("exit-before-start", "The exit date cannot come before the start.");
        }
        return recipients.stream().filter(Recipient::isCurrent)
                .map(r -> r.leaves(exit.isBefore(r.joinedOn()) ? r.joinedOn() : exit, "Arrangement ended: " + reason)).toList();
    }

    /** The bodies that hosted for any part of the year: they, and only they, carry its running costs. */
    public Set<UUID> hostsIn(FinancialYear year) {
        return HostPeriod.hostsIn(hosts, year);
    }

    /** A year's figures are the business of the hosts of that year, not of today's host. */
    public void requireHostIn(FinancialYear year, UUID authority) {
        if (!hostsIn(year).contains(authority)) {
            throw new HostingRuleException(Refusal.NOT_YOURS, "not-the-host-that-year", "Only a body that hosted the service "
                    + "in " + year + " records that year's running cost and closes its figures.");
        }
    }

    /** The year's ledger, by the hosts of that year. */
    public Map<UUID, Savings.Line> ledger(FinancialYear year, Map<UUID, Long> baselines, List<Savings.Recharge> recharges,
                                          Map<UUID, Long> runningCosts) {
        return Savings.forYear(year, hosts, recipients, baselines, recharges, runningCosts);
    }

    private void requireNotEnded() {
        if (isTerminated()) {
            throw new HostingRuleException(Refusal.CONFLICT, "arrangement-ended", "The arrangement has ended.");
        }
    }
}
