package io.concordat.hosting.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The arrangement's rules on consent, money after exit and ledgers by year, without a server. */
class ArrangementRulesTest {

    private static final UUID BOLSOVER = UUID.randomUUID();
    private static final UUID BASSETLAW = UUID.randomUUID();
    private static final UUID HOSPITAL = UUID.randomUUID();
    private static final LocalDate START = LocalDate.of(2011, 4, 1);

    @Test
    void aCouncilOnlyAskedIsNotRechargedUntilItAccepts() {
        Arrangement a = live(List.of(Recipient.asked(BASSETLAW, START, null, null)), null);
        HostingRuleException refused = assertThrows(HostingRuleException.class,
                () -> a.requireRecharge(BASSETLAW, START, START.plusMonths(3), 100));
        assertEquals(HostingRuleException.Refusal.UNPROCESSABLE, refused.refusal());

        Recipient accepted = a.answerAsRecipient(BASSETLAW, Consent.ACCEPTED);
        live(List.of(accepted), null).requireRecharge(BASSETLAW, START, START.plusMonths(3), 100);
    }

    @Test
    void onlyTheCouncilAskedAnswersAndOnlyOnce() {
        Arrangement a = live(List.of(Recipient.agreed(BASSETLAW, START, null, null)), null);
        assertEquals("not-asked", assertThrows(HostingRuleException.class,
                () -> a.answerAsRecipient(BASSETLAW, Consent.ACCEPTED)).rule());
        assertEquals("not-asked", assertThrows(HostingRuleException.class,
                () -> a.answerAsRecipient(HOSPITAL, Consent.ACCEPTED)).rule());
    }

    @Test
    void aTransferIsOnlyProposedUntilTheProposedHostAcceptsAndOneAwaitsAtATime() {
        Arrangement a = live(List.of(), null);
        HostTransfer proposed = a.proposeTransfer(HOSPITAL, true, LocalDate.of(2014, 4, 1));
        assertEquals(Consent.ASKED, proposed.answer());
        Arrangement awaiting = new Arrangement(a.id(), BOLSOVER, ArrangementStatus.LIVE, START, null, a.hosts(), List.of(),
                Optional.of(proposed));
        assertEquals("transfer-awaiting-answer", assertThrows(HostingRuleException.class,
                () -> awaiting.proposeTransfer(BASSETLAW, true, LocalDate.of(2014, 4, 1))).rule());
        assertEquals("no-transfer-proposed", assertThrows(HostingRuleException.class,
                () -> awaiting.answerTransfer(BASSETLAW, Consent.ACCEPTED)).rule());
        assertEquals(Consent.ACCEPTED, awaiting.answerTransfer(HOSPITAL, Consent.ACCEPTED).answer());
    }

    @Test
    void aTerminatedArrangementTakesNoRechargeForAPeriodEndingAfterItsExit() {
        Arrangement ended = new Arrangement(UUID.randomUUID(), BOLSOVER, ArrangementStatus.TERMINATED, START,
                LocalDate.of(2014, 3, 31), List.of(new HostPeriod(BOLSOVER, START, null)),
                List.of(Recipient.agreed(BASSETLAW, START, null, null)), Optional.empty());
        HostingRuleException refused = assertThrows(HostingRuleException.class,
                () -> ended.requireRecharge(BASSETLAW, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 4, 30), 100));
        assertEquals("after-exit", refused.rule());
        assertEquals(HostingRuleException.Refusal.CONFLICT, refused.refusal());
        ended.requireRecharge(BASSETLAW, LocalDate.of(2014, 1, 1), LocalDate.of(2014, 3, 31), 100);
    }

    @Test
    void terminationEndsEveryCurrentRecipientsReceiptOnTheExitDate() {
        Recipient left = new Recipient(HOSPITAL, START, LocalDate.of(2012, 3, 31), "left", null, null, Consent.ACCEPTED);
        Arrangement a = live(List.of(Recipient.agreed(BASSETLAW, START, null, null), left,
                Recipient.asked(HOSPITAL, LocalDate.of(2013, 4, 1), null, null)), null);
        List<Recipient> leaving = a.terminate(LocalDate.of(2014, 3, 31), "Dissolved");
        assertEquals(1, leaving.size());
        assertEquals(LocalDate.of(2014, 3, 31), leaving.get(0).leftOn());
        assertEquals("Arrangement ended: Dissolved", leaving.get(0).leftReason());
    }

    @Test
    void aPastYearsLedgerCountsTheRunningCostOfEachHostOfThatYear() {
        List<HostPeriod> hosts = List.of(new HostPeriod(BOLSOVER, START, LocalDate.of(2013, 9, 30)),
                new HostPeriod(HOSPITAL, LocalDate.of(2013, 10, 1), null));
        Arrangement a = new Arrangement(UUID.randomUUID(), HOSPITAL, ArrangementStatus.LIVE, START, null, hosts,
                List.of(Recipient.agreed(BASSETLAW, START, null, null)), Optional.empty());
        FinancialYear earlier = new FinancialYear(2012);
        FinancialYear shared = new FinancialYear(2013);

        assertEquals(Set.of(BOLSOVER), a.hostsIn(earlier));
        assertEquals(Set.of(BOLSOVER, HOSPITAL), a.hostsIn(shared));
        assertEquals("not-the-host-that-year", assertThrows(HostingRuleException.class,
                () -> a.requireHostIn(earlier, HOSPITAL)).rule());

        Map<UUID, Savings.Line> lines = a.ledger(shared, Map.of(BOLSOVER, 900L, BASSETLAW, 500L),
                List.of(new Savings.Recharge(BASSETLAW, LocalDate.of(2013, 4, 1), 100),
                        new Savings.Recharge(BASSETLAW, LocalDate.of(2013, 10, 1), 150)),
                Map.of(BOLSOVER, 300L, HOSPITAL, 400L));
        assertEquals(200L, lines.get(BOLSOVER).costPence(), "its running cost less the recharge for its half");
        assertEquals(250L, lines.get(HOSPITAL).costPence());
        assertEquals(250L, lines.get(BASSETLAW).costPence());
        assertEquals(900L + 500L - 700L, lines.values().stream().mapToLong(Savings.Line::savingPence).sum());
    }

    @Test
    void aRechargeIsIssuedByTheBodyThatHostedOnTheFirstDayOfItsPeriod() {
        Arrangement a = new Arrangement(UUID.randomUUID(), HOSPITAL, ArrangementStatus.LIVE, START, null,
                List.of(new HostPeriod(BOLSOVER, START, LocalDate.of(2013, 9, 30)), new HostPeriod(HOSPITAL, LocalDate.of(2013, 10, 1), null)),
                List.of(Recipient.agreed(BASSETLAW, START, null, null)), Optional.empty());
        a.requireIssuerOf(LocalDate.of(2013, 4, 1), BOLSOVER);
        a.requireIssuerOf(LocalDate.of(2013, 10, 1), HOSPITAL);
        HostingRuleException refused = assertThrows(HostingRuleException.class,
                () -> a.requireIssuerOf(LocalDate.of(2013, 9, 30), HOSPITAL));
        assertEquals("not-the-host-then", refused.rule());
        assertEquals(HostingRuleException.Refusal.NOT_YOURS, refused.refusal());
        assertEquals("not-the-host-then", assertThrows(HostingRuleException.class,
                () -> a.requireIssuerOf(LocalDate.of(2013, 10, 1), BOLSOVER)).rule());
        assertEquals("not-the-host-then", assertThrows(HostingRuleException.class,
                () -> a.requireIssuerOf(START.minusDays(1), BOLSOVER)).rule(), "before anyone hosted");
    }

    @Test
    void anArrangementCannotStartTwice() {
        Arrangement agreed = new Arrangement(UUID.randomUUID(), BOLSOVER, ArrangementStatus.AGREED, START, null,
                List.of(new HostPeriod(BOLSOVER, START, null)), List.of(), Optional.empty());
        agreed.start(START);
        HostingRuleException refused = assertThrows(HostingRuleException.class, () -> live(List.of(), null).start(START));
        assertEquals("not-agreed", refused.rule());
        assertEquals(HostingRuleException.Refusal.CONFLICT, refused.refusal());
    }

    @Test
    void anArrangementCannotStartBeforeTheStartItWasAgreedWith() {
        Arrangement agreed = new Arrangement(UUID.randomUUID(), BOLSOVER, ArrangementStatus.AGREED, START, null,
                List.of(new HostPeriod(BOLSOVER, START, null)), List.of(), Optional.empty());
        HostingRuleException refused = assertThrows(HostingRuleException.class, () -> agreed.start(START.minusDays(1)));
        assertEquals("starts-before-agreed-start", refused.rule());
        assertEquals(HostingRuleException.Refusal.INVALID, refused.refusal());
    }

    @Test
    void onlyAnInterimArrangementEndsWhenItsConditionIsMet() {
        Basis.INTERIM.requireEndsOnCondition();
        for (Basis other : List.of(Basis.PERMANENT, Basis.FIXED_TERM, Basis.TRIAL)) {
            assertEquals("not-interim", assertThrows(HostingRuleException.class, other::requireEndsOnCondition).rule());
        }
    }

    @Test
    void onlyTheCurrentHostRunsTheArrangement() {
        Arrangement a = live(List.of(), null);
        a.requireHost(BOLSOVER);
        HostingRuleException refused = assertThrows(HostingRuleException.class, () -> a.requireHost(BASSETLAW));
        assertEquals(HostingRuleException.Refusal.NOT_YOURS, refused.refusal());
    }

    private static Arrangement live(List<Recipient> recipients, LocalDate exitOn) {
        return new Arrangement(UUID.randomUUID(), BOLSOVER, ArrangementStatus.LIVE, START, exitOn,
                List.of(new HostPeriod(BOLSOVER, START, null)), recipients, Optional.empty());
    }
}
