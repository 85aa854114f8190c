package io.concordat.reporting;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.ArrangementStarted;
import io.concordat.events.hosting.v1.ArrangementTerminated;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.hosting.v1.RechargeIssued;
import io.concordat.events.hosting.v1.RecipientJoined;
import io.concordat.events.hosting.v1.RecipientLeft;
import io.concordat.events.hosting.v1.ReviewCompleted;
import io.concordat.events.hosting.v1.ReviewScheduled;
import io.concordat.events.hosting.v1.SavingsRecorded;
import io.concordat.events.opportunities.v1.BoardRecommendationRecorded;
import io.concordat.events.opportunities.v1.BusinessCaseSubmitted;
import io.concordat.events.opportunities.v1.CouncilDecisionRecorded;
import io.concordat.events.opportunities.v1.OpportunityApproved;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.opportunities.v1.OpportunityStageChanged;
import io.concordat.events.opportunities.v1.ParticipantJoined;
import io.concordat.events.opportunities.v1.VacancyClosed;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.kit.testing.TestEvents;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The seed reports' facts as the opportunities and hosting services publish them, in order, with
 * the dates the reports give. Every published envelope is kept so a test can deliver it again.
 */
final class SeedScenarios {

    final UUID bromsgrove = UUID.randomUUID();
    final UUID redditch = UUID.randomUUID();
    final UUID bolsover = UUID.randomUUID();
    final UUID northEastDerbyshire = UUID.randomUUID();
    final UUID chesterfield = UUID.randomUUID();
    final UUID bassetlaw = UUID.randomUUID();
    final UUID royalHospital = UUID.randomUUID();
    final UUID alliance = UUID.randomUUID();
    final UUID derbyshire = UUID.randomUUID();

    final UUID payroll = UUID.randomUUID();
    final UUID elections = UUID.randomUUID();
    final UUID payrollService = UUID.randomUUID();
    final UUID oldConsortium = UUID.randomUUID();
    final UUID hospitalProcurement = UUID.randomUUID();

    final UUID gedling = UUID.randomUUID();
    final UUID rushcliffe = UUID.randomUUID();
    final UUID broxtowe = UUID.randomUUID();
    final UUID southNottinghamshire = UUID.randomUUID();
    final UUID sharedLegal = UUID.randomUUID();

    final List<EventEnvelope> published = new ArrayList<>();

    /**
     * Seed 002: Bromsgrove and Redditch's Shared Services Board. Payroll moves to Redditch
     * (£40,000 a year projected for Bromsgrove); the board recommends it 5 to 1, both councils
     * approve, and the service runs from September 2009. A single elections team, led by
     * Bromsgrove, is agreed in principle only.
     */
    void sharedServicesBoard() {
        List<UUID> regions = List.of(alliance);
        publish(EventTypes.OPPORTUNITY_PROPOSED, payroll, bromsgrove, new OpportunityProposed(payroll, bromsgrove,
                "Payroll shared with Redditch", "support.payroll", "Transfer Bromsgrove's payroll to Redditch's system.",
                regions, "officer", at("2009-03-02"), "JOINT_PROVISION_WITH_HOST", "QUICK_WIN"));
        publish(EventTypes.PARTICIPANT_JOINED, payroll, bromsgrove, new ParticipantJoined(payroll, redditch,
                "PROSPECTIVE_HOST", "COMMITTED", true, at("2009-03-03")));
        publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, payroll, bromsgrove, new OpportunityStageChanged(payroll, bromsgrove,
                "IDEA", "IN_PRINCIPLE", "officer", null, regions, at("2009-03-10")));
        publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, payroll, bromsgrove, new OpportunityStageChanged(payroll, bromsgrove,
                "IN_PRINCIPLE", "OUTLINE_BUSINESS_CASE", "officer", null, regions, at("2009-03-20")));
        publish(EventTypes.BUSINESS_CASE_SUBMITTED, payroll, bromsgrove, new BusinessCaseSubmitted(payroll, bromsgrove, 1,
                1_000_000, 0, 3_000_000, false, at("2009-03-25"),
                List.of(new BusinessCaseSubmitted.ProjectedSaving(bromsgrove, "2009/10", 3_000_000))));
        publish(EventTypes.BUSINESS_CASE_SUBMITTED, payroll, bromsgrove, new BusinessCaseSubmitted(payroll, bromsgrove, 2,
                1_000_000, 0, 4_000_000, false, at("2009-04-01"),
                List.of(new BusinessCaseSubmitted.ProjectedSaving(bromsgrove, "2009/10", 4_000_000),
                        new BusinessCaseSubmitted.ProjectedSaving(bromsgrove, "2010/11", 4_000_000))));
        publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, payroll, bromsgrove, new OpportunityStageChanged(payroll, bromsgrove,
                "OUTLINE_BUSINESS_CASE", "BOARD_RECOMMENDATION", "officer", null, regions, at("2009-04-02")));
        publish(EventTypes.BOARD_RECOMMENDATION_RECORDED, payroll, bromsgrove, new BoardRecommendationRecorded(payroll,
                bromsgrove, alliance, true, "CONSENSUS_ELSE_MINIMUM_FROM_EACH", 5, 1,
                "No consensus; at least 2 from each authority in favour", at("2009-04-16")));
        publish(EventTypes.COUNCIL_DECISION_RECORDED, payroll, bromsgrove, new CouncilDecisionRecorded(payroll, bromsgrove,
                "APPROVED", "CABINET", LocalDate.parse("2009-05-06"), "CAB/09/41", at("2009-05-06")));
        publish(EventTypes.COUNCIL_DECISION_RECORDED, payroll, bromsgrove, new CouncilDecisionRecorded(payroll, redditch,
                "APPROVED", "EXECUTIVE", LocalDate.parse("2009-05-12"), "EXE/09/112", at("2009-05-12")));
        publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, payroll, bromsgrove, new OpportunityStageChanged(payroll, bromsgrove,
                "BOARD_RECOMMENDATION", "DECIDED", "system", null, regions, at("2009-05-12")));
        publish(EventTypes.OPPORTUNITY_APPROVED, payroll, bromsgrove, new OpportunityApproved(payroll, bromsgrove,
                "Payroll shared with Redditch", "support.payroll", "JOINT_PROVISION_WITH_HOST", redditch,
                List.of(bromsgrove), regions, at("2009-05-12")));

        publish(EventTypes.ARRANGEMENT_AGREED, payrollService, redditch, new ArrangementAgreed(payrollService,
                "Payroll shared with Redditch", "support.payroll", redditch, List.of(bromsgrove), "PERMANENT",
                LocalDate.parse("2009-09-01"), null, payroll, "EQUAL_SHARES", regions, at("2009-05-12")));
        publish(EventTypes.RECIPIENT_JOINED, payrollService, redditch, new RecipientJoined(payrollService, bromsgrove,
                LocalDate.parse("2009-09-01"), at("2009-05-12")));
        publish(EventTypes.ARRANGEMENT_STARTED, payrollService, redditch, new ArrangementStarted(payrollService, redditch,
                LocalDate.parse("2009-09-01"), "officer", at("2009-09-01")));
        publish(EventTypes.RECHARGE_ISSUED, payrollService, redditch, new RechargeIssued(payrollService, redditch,
                bromsgrove, LocalDate.parse("2009-09-01"), LocalDate.parse("2009-12-31"), 2_150_000, at("2010-01-05")));
        publish(EventTypes.SAVINGS_RECORDED, payrollService, bromsgrove, new SavingsRecorded(payrollService, bromsgrove,
                "2009/10", 12_000_000, 9_000_000, 3_000_000, at("2010-01-10")));
        publish(EventTypes.SAVINGS_RECORDED, payrollService, bromsgrove, new SavingsRecorded(payrollService, bromsgrove,
                "2009/10", 12_000_000, 8_150_000, 3_850_000, at("2010-04-20")));
        // Readings as hosting published them before periods were typed: a free-text period, no days.
        UUID accuracy = UUID.randomUUID();
        publish(EventTypes.INDICATOR_REPORTED, payrollService, redditch, new IndicatorReported(payrollService, accuracy,
                "Payslips paid correctly (%)", bromsgrove, "2009-Q4", new BigDecimal("98.1"), new BigDecimal("99.5"),
                "AMBER", at("2010-01-08"), null, null));
        publish(EventTypes.INDICATOR_REPORTED, payrollService, redditch, new IndicatorReported(payrollService, accuracy,
                "Payslips paid correctly (%)", bromsgrove, "2010-Q1", new BigDecimal("99.7"), new BigDecimal("99.5"),
                "GREEN", at("2010-04-08"), null, null));
        publish(EventTypes.REVIEW_SCHEDULED, payrollService, redditch, new ReviewScheduled(payrollService,
                UUID.randomUUID(), "Formal review before the end of the first 12 months", LocalDate.parse("2010-08-01"),
                at("2009-05-12")));

        publish(EventTypes.OPPORTUNITY_PROPOSED, elections, bromsgrove, new OpportunityProposed(elections, bromsgrove,
                "A single elections team", "support.elections", "One team for full electoral services, led by Bromsgrove.",
                regions, "officer", at("2009-06-01"), "SHARED_POST", "MEDIUM_TERM"));
        publish(EventTypes.OPPORTUNITY_STAGE_CHANGED, elections, bromsgrove, new OpportunityStageChanged(elections,
                bromsgrove, "IDEA", "IN_PRINCIPLE", "officer", null, regions, at("2009-06-18")));
        publish(EventTypes.VACANCY_POSTED, UUID.randomUUID(), redditch, new VacancyPosted(UUID.randomUUID(), redditch,
                "Electoral Services Manager", "support.elections", "Grade 9", LocalDate.parse("2010-06-30"),
                at("2010-05-01")));
        UUID financeHead = UUID.randomUUID();
        publish(EventTypes.VACANCY_POSTED, financeHead, bromsgrove, new VacancyPosted(financeHead, bromsgrove,
                "Head of Financial Services", "support.finance", "Chief Officer", LocalDate.parse("2010-09-30"),
                at("2010-04-01")));
        publish(EventTypes.VACANCY_CLOSED, financeHead, bromsgrove, new VacancyClosed(financeHead, bromsgrove, "FILLED",
                null, LocalDate.parse("2010-05-10"), "officer", at("2010-05-10")));
    }

    /**
     * Seed 003: the procurement consortium Bolsover hosted until Bassetlaw took it over in July
     * 2013, which Chesterfield had left; Bolsover and North East Derbyshire leave it on 31 March
     * 2014 for a five-year joint arrangement hosted by Chesterfield Royal Hospital.
     */
    void procurementConsortium() {
        List<UUID> regions = List.of(derbyshire);
        publish(EventTypes.ARRANGEMENT_AGREED, oldConsortium, bolsover, new ArrangementAgreed(oldConsortium,
                "Procurement consortium", "support.procurement", bolsover, List.of(northEastDerbyshire, chesterfield),
                "PERMANENT", LocalDate.parse("2008-04-01"), null, null, "BY_SHARE", regions, at("2008-03-01")));
        publish(EventTypes.RECIPIENT_JOINED, oldConsortium, bolsover, new RecipientJoined(oldConsortium,
                northEastDerbyshire, LocalDate.parse("2008-04-01"), at("2008-03-01")));
        publish(EventTypes.RECIPIENT_JOINED, oldConsortium, bolsover, new RecipientJoined(oldConsortium, chesterfield,
                LocalDate.parse("2008-04-01"), at("2008-03-01")));
        publish(EventTypes.ARRANGEMENT_STARTED, oldConsortium, bolsover, new ArrangementStarted(oldConsortium, bolsover,
                LocalDate.parse("2008-04-01"), "officer", at("2008-04-01")));
        publish(EventTypes.RECIPIENT_LEFT, oldConsortium, bolsover, new RecipientLeft(oldConsortium, chesterfield,
                LocalDate.parse("2013-06-30"), "Left when the host role moved away from Bolsover", at("2013-06-01")));
        publish(EventTypes.HOST_TRANSFERRED, oldConsortium, bassetlaw, new HostTransferred(oldConsortium, bolsover,
                bassetlaw, LocalDate.parse("2013-07-01"), at("2013-06-20")));
        publish(EventTypes.RECIPIENT_JOINED, oldConsortium, bassetlaw, new RecipientJoined(oldConsortium, bolsover,
                LocalDate.parse("2013-07-01"), at("2013-06-20")));
        publish(EventTypes.ARRANGEMENT_TERMINATED, oldConsortium, bassetlaw, new ArrangementTerminated(oldConsortium,
                "Neither host could keep qualified procurement staff", LocalDate.parse("2014-03-31"), at("2014-01-15")));

        publish(EventTypes.ARRANGEMENT_AGREED, hospitalProcurement, royalHospital, new ArrangementAgreed(
                hospitalProcurement, "Joint procurement with Chesterfield Royal Hospital", "support.procurement",
                royalHospital, List.of(bolsover, northEastDerbyshire), "FIXED_TERM", LocalDate.parse("2014-04-01"),
                LocalDate.parse("2019-03-31"), null, "EQUAL_SHARES", regions, at("2014-02-10")));
        publish(EventTypes.RECIPIENT_JOINED, hospitalProcurement, royalHospital, new RecipientJoined(hospitalProcurement,
                bolsover, LocalDate.parse("2014-04-01"), at("2014-02-10")));
        publish(EventTypes.RECIPIENT_JOINED, hospitalProcurement, royalHospital, new RecipientJoined(hospitalProcurement,
                northEastDerbyshire, LocalDate.parse("2014-04-01"), at("2014-02-10")));
        publish(EventTypes.ARRANGEMENT_STARTED, hospitalProcurement, royalHospital, new ArrangementStarted(
                hospitalProcurement, royalHospital, LocalDate.parse("2014-04-01"), "officer", at("2014-04-01")));
        publish(EventTypes.SAVINGS_RECORDED, hospitalProcurement, bolsover, new SavingsRecorded(hospitalProcurement,
                bolsover, "2014/15", 6_500_000, 5_000_000, 1_500_000, at("2015-04-30")));
        publish(EventTypes.SAVINGS_RECORDED, hospitalProcurement, northEastDerbyshire, new SavingsRecorded(
                hospitalProcurement, northEastDerbyshire, "2014/15", 6_000_000, 5_000_000, 1_000_000, at("2015-04-30")));
        UUID compliant = UUID.randomUUID();
        publish(EventTypes.INDICATOR_REPORTED, hospitalProcurement, royalHospital, new IndicatorReported(
                hospitalProcurement, compliant, "Contracts let compliantly (%)", bolsover, "2018-Q4",
                new BigDecimal("92"), new BigDecimal("100"), "AMBER", at("2019-01-10"), null, null));
        publish(EventTypes.INDICATOR_REPORTED, hospitalProcurement, royalHospital, new IndicatorReported(
                hospitalProcurement, compliant, "Contracts let compliantly (%)", northEastDerbyshire, "2018-Q4",
                new BigDecimal("70"), new BigDecimal("100"), "RED", at("2019-01-10"), null, null));
        UUID annual = UUID.randomUUID();
        publish(EventTypes.REVIEW_SCHEDULED, hospitalProcurement, royalHospital, new ReviewScheduled(hospitalProcurement,
                annual, "Annual review", LocalDate.parse("2018-04-01"), at("2014-02-10")));
        publish(EventTypes.REVIEW_COMPLETED, hospitalProcurement, royalHospital, new ReviewCompleted(hospitalProcurement,
                annual, "Annual review", "CONTINUE", "Joint Strategic Alliance Board", LocalDate.parse("2018-04-12"),
                null, at("2018-04-12")));
        publish(EventTypes.REVIEW_SCHEDULED, hospitalProcurement, royalHospital, new ReviewScheduled(hospitalProcurement,
                UUID.randomUUID(), "Review before the contract ends", LocalDate.parse("2019-02-01"), at("2018-04-12")));
        publish(EventTypes.VACANCY_POSTED, UUID.randomUUID(), bolsover, new VacancyPosted(UUID.randomUUID(), bolsover,
                "Procurement Officer", "support.procurement", "Grade 7", LocalDate.parse("2019-01-31"), at("2019-01-02")));
    }

    /**
     * Seed 001's councils: Gedling hosted legal services for Rushcliffe and Broxtowe until the
     * partnership was dissolved on 31 March 2020. As hosting now does when it terminates, it also
     * reports Broxtowe leaving on the exit date; Rushcliffe's leaving is left to the termination.
     */
    void dissolvedPartnership() {
        List<UUID> regions = List.of(southNottinghamshire);
        publish(EventTypes.ARRANGEMENT_AGREED, sharedLegal, gedling, new ArrangementAgreed(sharedLegal,
                "Shared legal services", "support.legal", gedling, List.of(rushcliffe, broxtowe), "PERMANENT",
                LocalDate.parse("2016-04-01"), null, null, "BY_USAGE", regions, at("2016-02-01")));
        publish(EventTypes.RECIPIENT_JOINED, sharedLegal, gedling, new RecipientJoined(sharedLegal, rushcliffe,
                LocalDate.parse("2016-04-01"), at("2016-02-01")));
        publish(EventTypes.RECIPIENT_JOINED, sharedLegal, gedling, new RecipientJoined(sharedLegal, broxtowe,
                LocalDate.parse("2016-04-01"), at("2016-02-01")));
        publish(EventTypes.ARRANGEMENT_STARTED, sharedLegal, gedling, new ArrangementStarted(sharedLegal, gedling,
                LocalDate.parse("2016-04-01"), "officer", at("2016-04-01")));
        publish(EventTypes.ARRANGEMENT_TERMINATED, sharedLegal, gedling, new ArrangementTerminated(sharedLegal,
                "Each council brings legal services back in house", LocalDate.parse("2020-03-31"), at("2019-12-02")));
        publish(EventTypes.RECIPIENT_LEFT, sharedLegal, gedling, new RecipientLeft(sharedLegal, broxtowe,
                LocalDate.parse("2020-03-31"), "Each council brings legal services back in house", at("2019-12-02")));
    }

    private <T> void publish(EventType<T> type, UUID subject, UUID authority, T data) {
        published.add(TestEvents.publish(type, subject.toString(), authority, data));
    }

    private static Instant at(String day) {
        return Instant.parse(day + "T10:00:00Z");
    }
}
