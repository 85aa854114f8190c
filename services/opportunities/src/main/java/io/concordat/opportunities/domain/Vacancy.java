package io.concordat.opportunities.domain;

import io.concordat.events.ServiceArea;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A vacant post one council has, which others in its regions might share before anyone
 * recruits (an Elections Manager, a Head of Financial Services). Only the council whose post it
 * is closes it: filled, withdrawn, or opened into an opportunity to share it.
 *
 * @param closedOn when it stopped being open, or null while it is
 */
public record Vacancy(UUID id, UUID authorityId, String title, String serviceArea, String grade, LocalDate closingDate,
                      VacancyStatus status, UUID opportunityId, Instant postedAt, LocalDate closedOn) {

    /**
     * @throws InvalidOpportunityException for an unknown service area or a closing date already passed
     */
    public static Vacancy post(UUID authorityId, String title, String serviceAreaCode, String grade,
                               LocalDate closingDate, LocalDate today, Instant now) {
        ServiceArea area = ServiceArea.byCode(serviceAreaCode == null ? "" : serviceAreaCode)
                .orElseThrow(() -> new InvalidOpportunityException("unknown-service-area",
                        "'" + serviceAreaCode + "' is not a service area code."));
        if (closingDate.isBefore(today)) {
            throw new InvalidOpportunityException("closing-date-passed", "The closing date has passed.");
        }
        return new Vacancy(UUID.randomUUID(), authorityId, title.strip(), area.code(), grade.strip(), closingDate,
                VacancyStatus.OPEN, null, now, null);
    }

    /** Recruiting on that day: open, and its closing date not yet passed. */
    public boolean isOpenOn(LocalDate day) {
        return status == VacancyStatus.OPEN && !closingDate.isBefore(day);
    }

    /**
     * The council whose post it is closes it as filled or withdrawn.
     *
     * @throws OpportunityRuleException when another council tries, the reason is not FILLED or
     *                                  WITHDRAWN, or it is already closed
     */
    public Vacancy close(VacancyStatus reason, UUID by, LocalDate on) {
        requireOwner(by, "closes it");
        if (reason != VacancyStatus.FILLED && reason != VacancyStatus.WITHDRAWN) {
            throw new InvalidOpportunityException("invalid-close-reason", "A vacancy is closed as FILLED or WITHDRAWN.");
        }
        requireOpen();
        return new Vacancy(id, authorityId, title, serviceArea, grade, closingDate, reason, opportunityId, postedAt, on);
    }

    /**
     * Recruitment stops while an opportunity to share the post is considered.
     *
     * @throws OpportunityRuleException when another council tries, it already has an opportunity or it is closed
     */
    public Vacancy openedAsOpportunity(UUID opportunity, UUID by, LocalDate on) {
        requireOwner(by, "opens its opportunity");
        if (opportunityId != null) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.CONFLICT, "opportunity-already-open",
                    "Vacancy " + id + " already has opportunity " + opportunityId + ".");
        }
        requireOpen();
        return new Vacancy(id, authorityId, title, serviceArea, grade, closingDate, VacancyStatus.OPPORTUNITY_OPENED,
                opportunity, postedAt, on);
    }

    private void requireOwner(UUID by, String what) {
        if (!authorityId.equals(by)) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.NOT_ALLOWED, "not-your-vacancy",
                    "Only the authority with the vacancy " + what + ".");
        }
    }

    private void requireOpen() {
        if (status != VacancyStatus.OPEN) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.CONFLICT, "vacancy-closed",
                    "The vacancy is already closed: " + status + ".");
        }
    }
}
