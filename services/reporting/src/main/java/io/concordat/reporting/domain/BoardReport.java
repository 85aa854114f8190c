package io.concordat.reporting.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A region's quarterly report to its councils, in the shape seed 002's terms of reference ask
 * for: the board's activity, performance indicators, financial performance and savings,
 * decisions taken, and what comes next. Money is in pence.
 */
public record BoardReport(String regionName, FinancialQuarter quarter, LocalDate preparedOn,
                          Activity activity, List<IndicatorSummary> indicators, Finance finance,
                          List<Decision> decisions, List<Dashboard.Upcoming> comingUp, Dashboard.Vacancies vacancies,
                          Dashboard.Pipeline pipeline) {

    /**
     * @param live         arrangements running at the quarter's end
     * @param agreed       arrangements agreed during the quarter
     * @param ended        arrangements that ended during the quarter
     * @param arrangements every arrangement running at some point in the quarter
     */
    public record Activity(long live, long agreed, long ended, List<ArrangementLine> arrangements) {
    }

    public record ArrangementLine(String title, String serviceArea, String host, List<String> recipients, String basis,
                                  String status) {
    }

    /** Ratings of an arrangement's indicators in the latest period reported during the quarter. */
    public record IndicatorSummary(String arrangement, long red, long amber, long green, List<Reading> attention) {
    }

    public record Reading(String indicator, String recipient, String period, BigDecimal value, BigDecimal target,
                          String rating) {
    }

    /** Recharges issued for periods ending in the quarter, and the financial year's savings. */
    public record Finance(long rechargedPence, List<Recharge> recharges, Dashboard.Savings savings) {
    }

    public record Recharge(String arrangement, String recipient, LocalDate periodFrom, LocalDate periodTo,
                           long amountPence) {
    }

    /**
     * A decision taken in the quarter: a board recommendation, a council's decision, or a review's outcome.
     *
     * @param kind RECOMMENDATION, COUNCIL_DECISION or REVIEW
     */
    public record Decision(LocalDate on, String kind, String subject, String by, String outcome, String detail) {
    }
}
