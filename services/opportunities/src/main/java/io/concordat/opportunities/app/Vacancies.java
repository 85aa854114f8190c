package io.concordat.opportunities.app;

import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.VacancyClosed;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.opportunities.domain.CollaborationModel;
import io.concordat.opportunities.domain.Horizon;
import io.concordat.opportunities.domain.Opportunity;
import io.concordat.opportunities.domain.OpportunityRuleException;
import io.concordat.opportunities.domain.ParticipantRole;
import io.concordat.opportunities.domain.Trigger;
import io.concordat.opportunities.domain.Vacancy;
import io.concordat.opportunities.domain.VacancyStatus;
import io.concordat.opportunities.store.VacancyStore;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Vacant posts: posting one, closing it, and opening an opportunity to share it before
 * recruiting. Every method runs in the caller's tenant transaction.
 */
@Singleton
public class Vacancies {

    /** Closing dates are UK dates: a vacancy is open until the end of its closing day in the UK. */
    public static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final VacancyStore vacancies;
    private final Proposals proposals;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public Vacancies(VacancyStore vacancies, Proposals proposals, AuthorityDirectory authorities,
                     RegionMemberships memberships, EventPublisher events) {
        this.vacancies = vacancies;
        this.proposals = proposals;
        this.authorities = authorities;
        this.memberships = memberships;
        this.events = events;
    }

    public static LocalDate today() {
        return LocalDate.now(Clock.system(UK));
    }

    public Vacancy post(Caller caller, String title, String serviceArea, String grade, LocalDate closingDate) {
        UUID authority = caller.requireAuthority();
        Vacancy vacancy = Vacancy.post(authority, title, serviceArea, grade, closingDate, today(), Instant.now());
        if (!authorities.isRegistered(authority)) {
            throw ProblemException.conflict("authority-not-registered", "Your authority's registration has not reached "
                    + "this service yet.");
        }
        vacancies.post(vacancy, caller.subject());
        events.publish(EventTypes.VACANCY_POSTED, vacancy.id().toString(), authority, memberships.regionsOf(authority),
                new VacancyPosted(vacancy.id(), authority, vacancy.title(), vacancy.serviceArea(), vacancy.grade(),
                        vacancy.closingDate(), vacancy.postedAt()));
        return vacancy;
    }

    /** The council whose post it is closes it as FILLED or WITHDRAWN. */
    public Vacancy close(Caller caller, UUID id, VacancyStatus reason) {
        Vacancy closed = find(id).close(reason, caller.requireAuthority(), today());
        closeOnce(closed, caller);
        return closed;
    }

    /**
     * Before recruiting, the council whose post it is opens an opportunity to share it, taking
     * part in the role it chooses, shared with the regions it names (by default all of its own).
     * The vacancy stops recruiting while sharing is considered.
     *
     * @param role    PROSPECTIVE_RECIPIENT (the default: it would receive the shared post),
     *                PROSPECTIVE_HOST or PROPOSER
     * @param regions regions of its own, or null for all of them
     */
    public Opportunity openOpportunity(Caller caller, UUID id, ParticipantRole role, List<UUID> regions) {
        UUID authority = caller.requireAuthority();
        Vacancy vacancy = find(id);
        Opportunity opportunity = Opportunity.propose(authority, "Sharing the " + vacancy.title() + " post",
                vacancy.serviceArea(), "Opened from the vacancy before recruiting: " + vacancy.title() + " (grade "
                        + vacancy.grade() + "), closing " + DAY.format(vacancy.closingDate()) + ".",
                CollaborationModel.SHARED_POST, Trigger.VACANCY, Horizon.QUICK_WIN, caller.subject(), Instant.now());
        Vacancy opened = vacancy.openedAsOpportunity(opportunity.id(), authority, today());
        Opportunity proposed = proposals.propose(opportunity, proposals.regionsToShareWith(authority, regions), null, null,
                role == null ? ParticipantRole.PROSPECTIVE_RECIPIENT : role);
        closeOnce(opened, caller);
        return proposed;
    }

    /** Two requests racing to close one vacancy: the second is refused, and its whole transaction with it. */
    private void closeOnce(Vacancy closed, Caller caller) {
        if (!vacancies.close(closed, caller.subject())) {
            throw new OpportunityRuleException(OpportunityRuleException.Kind.CONFLICT, "vacancy-closed",
                    "Vacancy " + closed.id() + " was closed by another request meanwhile.");
        }
        publishClosed(caller, closed);
    }

    public Vacancy find(UUID id) {
        return vacancies.find(id).orElseThrow(() -> ProblemException.notFound("vacancy-not-found",
                "No vacancy " + id + " for you."));
    }

    private void publishClosed(Caller caller, Vacancy closed) {
        events.publish(EventTypes.VACANCY_CLOSED, closed.id().toString(), closed.authorityId(),
                memberships.regionsOf(closed.authorityId()), new VacancyClosed(closed.id(), closed.authorityId(),
                        closed.status().name(), closed.opportunityId(), closed.closedOn(), caller.subject(), Instant.now()));
    }
}
