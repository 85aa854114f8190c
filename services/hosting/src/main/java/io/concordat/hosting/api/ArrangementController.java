package io.concordat.hosting.api;

import io.concordat.events.ReportingPeriod;
import io.concordat.events.ServiceArea;
import io.concordat.hosting.app.ArrangementCommands;
import io.concordat.hosting.app.Arrangements;
import io.concordat.hosting.app.Indicators;
import io.concordat.hosting.app.Reviews;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.Consent;
import io.concordat.hosting.domain.CostAllocation;
import io.concordat.hosting.domain.FinancialYear;
import io.concordat.hosting.domain.HostPeriod;
import io.concordat.hosting.domain.Indicator;
import io.concordat.hosting.domain.ReadingPeriod;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.domain.ReviewOutcome;
import io.concordat.hosting.domain.ServiceAreas;
import io.concordat.hosting.domain.Terms;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.hosting.store.PerformanceStore;
import io.concordat.kit.directory.AuthorityDirectory;
import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Body;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Hosting arrangements: live shared services, their terms, recipients, hosts over time, money,
 * indicators and reviews. Parties (every host and recipient, past or present) and members of the
 * regions an arrangement is shared with read it; the current host runs it.
 */
@ProblemAnswers
@Controller("/api/v1/hosting/arrangements")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ArrangementController {

    private static final String MANAGEMENT = "Day-to-day management rests with the host; statutory accountability "
            + "for the service stays with each recipient.";

    private final TenantTransactions transactions;
    private final ArrangementStore store;
    private final ArrangementCommands commands;
    private final Arrangements arrangements;
    private final Indicators indicators;
    private final Reviews reviews;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;

    public ArrangementController(TenantTransactions transactions, ArrangementStore store, ArrangementCommands commands,
                                 Arrangements arrangements, Indicators indicators, Reviews reviews,
                                 AuthorityDirectory authorities, RegionMemberships memberships) {
        this.transactions = transactions;
        this.store = store;
        this.commands = commands;
        this.arrangements = arrangements;
        this.indicators = indicators;
        this.reviews = reviews;
        this.authorities = authorities;
        this.memberships = memberships;
    }

    /** Records an arrangement the caller's authority hosts, e.g. one agreed before the platform existed. */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<ArrangementView> create(Caller caller, @Valid @Body CreateArrangementRequest r) {
        UUID host = caller.requireAuthority();
        ServiceArea area = ServiceAreas.require(r.serviceArea());
        Terms terms = Terms.of(Choices.parse(Basis.class, r.basis(), "basis"), r.startsOn(), r.endsOn(), r.trialMonths(),
                r.reviewOn(), r.interimCondition(), r.capacityDaysPerWeek(), r.capacityNote());
        CostAllocation allocation = Choices.parse(CostAllocation.class, r.costAllocation(), "cost allocation");
        List<UUID> regions = r.regionIds() == null ? List.of() : r.regionIds().stream().distinct().toList();
        ArrangementView view = transactions.write(caller, connection -> {
            List<UUID> unknown = r.recipients().stream().map(AddRecipientRequest::authorityId)
                    .filter(a -> !authorities.isRegistered(a) || a.equals(host)).toList();
            if (!unknown.isEmpty()) {
                throw ProblemException.unprocessable("invalid-recipient", "Recipients are registered authorities other than "
                        + "the host; not " + unknown + ".");
            }
            memberships.requireOpen(regions);
            List<UUID> notMember = regions.stream().filter(region -> !memberships.isMember(host, region)).toList();
            if (!notMember.isEmpty()) {
                throw ProblemException.unprocessable("not-a-member-of-region", "The host shares only with its own regions.");
            }
            // Recorded here, even after the fact, the recipients are only asked: each joins when it accepts.
            UUID id = commands.agree(r.title().strip(), area.code(), host, terms, allocation, r.noticeMonths(),
                    r.agreementReference(), r.legalBasis(), regions, r.recipients().stream()
                    .map(a -> Recipient.asked(a.authorityId(), a.joinedOn(), a.serviceLevel(), a.accountManager())).toList(),
                    null, caller.subject());
            return view(find(id), null);
        });
        return HttpResponse.created(view, URI.create("/api/v1/hosting/arrangements/" + view.id()));
    }

    /** Arrangements the caller's authority hosts or receives (or did), and those shared with its regions. */
    @Get
    public List<ArrangementView> list(Caller caller) {
        return transactions.read(caller, connection -> store.visible().stream().map(a -> view(a, null)).toList());
    }

    /** An arrangement; with {@code hostOn} it also says who hosted it on that day. */
    @Get("/{id}")
    public ArrangementView get(Caller caller, @PathVariable UUID id, @QueryValue @Nullable LocalDate hostOn) {
        return transactions.read(caller, connection -> view(find(id), hostOn));
    }

    /** The agreed arrangement goes live. */
    @Post("/{id}/start")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView start(Caller caller, @PathVariable UUID id, @Valid @Body StartRequest r) {
        arrangements.start(caller, id, r.startedOn());
        return get(caller, id, null);
    }

    /** Proposes a new host from a day; the hosting passes only when that body accepts. */
    @Post("/{id}/host-transfers")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView transfer(Caller caller, @PathVariable UUID id, @Valid @Body TransferHostRequest r) {
        arrangements.proposeTransfer(caller, id, r.toAuthorityId(), r.effectiveOn());
        return get(caller, id, null);
    }

    /** The proposed host, and only it, accepts: it hosts from the day proposed. */
    @Post("/{id}/host-transfers/{transferId}/accept")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView acceptTransfer(Caller caller, @PathVariable UUID id, @PathVariable UUID transferId) {
        arrangements.answerTransfer(caller, id, transferId, Consent.ACCEPTED);
        return get(caller, id, null);
    }

    /** The proposed host declines: the current host keeps the service. */
    @Post("/{id}/host-transfers/{transferId}/decline")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public AnswerView declineTransfer(Caller caller, @PathVariable UUID id, @PathVariable UUID transferId) {
        arrangements.answerTransfer(caller, id, transferId, Consent.DECLINED);
        return new AnswerView(id, caller.requireAuthority(), Consent.DECLINED.name());
    }

    /** Asks a council to receive the service from a day; it receives it only once it accepts. */
    @Post("/{id}/recipients")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView addRecipient(Caller caller, @PathVariable UUID id,
                                                 @Valid @Body AddRecipientRequest r) {
        arrangements.askRecipient(caller, id, r.authorityId(), r.joinedOn(), r.serviceLevel(), r.accountManager());
        return get(caller, id, null);
    }

    /** The council asked, and only it, accepts to receive the service. */
    @Post("/{id}/recipients/{authorityId}/accept")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView acceptAsRecipient(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId) {
        arrangements.answerAsRecipient(caller, id, authorityId, Consent.ACCEPTED);
        return get(caller, id, null);
    }

    /** The council asked declines; it no longer sees the arrangement. */
    @Post("/{id}/recipients/{authorityId}/decline")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public AnswerView declineAsRecipient(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId) {
        arrangements.answerAsRecipient(caller, id, authorityId, Consent.DECLINED);
        return new AnswerView(id, authorityId, Consent.DECLINED.name());
    }

    /** A recipient leaves the arrangement. */
    @Post("/{id}/recipients/{authorityId}/leave")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView recipientLeaves(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId,
                                           @Valid @Body RecipientLeavesRequest r) {
        arrangements.recipientLeaves(caller, id, authorityId, r.leftOn(), r.reason().strip());
        return get(caller, id, null);
    }

    /** Records that an interim arrangement's condition was met (e.g. the post was filled), which ends it. */
    @Post("/{id}/condition-met")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView conditionMet(Caller caller, @PathVariable UUID id, @Valid @Body ConditionMetRequest r) {
        arrangements.conditionMet(caller, id, r.metOn());
        return get(caller, id, null);
    }

    /** Ends the arrangement on its exit date, and with it every current recipient's receipt. */
    @Post("/{id}/terminate")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView terminate(Caller caller, @PathVariable UUID id, @Valid @Body TerminateRequest r) {
        arrangements.terminate(caller, id, r.exitOn(), r.reason().strip());
        return get(caller, id, null);
    }

    /** Issues a recharge to a recipient for a period. */
    @Post("/{id}/recharges")
    @Status(HttpStatus.CREATED)
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<RechargeView> recharge(Caller caller, @PathVariable UUID id, @Valid @Body RechargeRequest r) {
        arrangements.recharge(caller, id, r.recipientAuthorityId(), r.periodFrom(), r.periodTo(), r.amountPence());
        return HttpResponse.created(new RechargeView(r.recipientAuthorityId(), r.amountPence()));
    }

    /** Each authority records its own baseline: what the service cost it alone in the year. */
    @Put("/{id}/baselines/{financialYear}")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public SavingsYearView baseline(Caller caller, @PathVariable UUID id, @PathVariable String financialYear,
                                    @Valid @Body AmountRequest r) {
        return savings(caller, arrangements.setBaseline(caller, id, FinancialYear.parse(financialYear), r.pence()));
    }

    /** A host records its running cost for a year it hosted; each host of a year keeps its own. */
    @Put("/{id}/running-costs/{financialYear}")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public SavingsYearView runningCost(Caller caller, @PathVariable UUID id, @PathVariable String financialYear,
                                                @Valid @Body AmountRequest r) {
        return savings(caller, arrangements.setRunningCost(caller, id, FinancialYear.parse(financialYear), r.pence()));
    }

    /** A year's ledger, by the host or hosts of that year. */
    @Get("/{id}/savings/{financialYear}")
    public SavingsYearView savings(Caller caller, @PathVariable UUID id, @PathVariable String financialYear) {
        return savings(caller, arrangements.ledger(caller, id, FinancialYear.parse(financialYear)));
    }

    /** A host of the year closes its figures: each authority's saving is published as SavingsRecorded. */
    @Post("/{id}/savings/{financialYear}/record")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public SavingsYearView recordSavings(Caller caller, @PathVariable UUID id, @PathVariable String financialYear) {
        return savings(caller, arrangements.recordSavings(caller, id, FinancialYear.parse(financialYear)));
    }

    /** Defines a performance indicator of the arrangement, with its targets. */
    @Post("/{id}/indicators")
    @Status(HttpStatus.CREATED)
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<IndicatorView> defineIndicator(Caller caller, @PathVariable UUID id,
                                                       @Valid @Body DefineIndicatorRequest r) {
        Indicator indicator = new Indicator(r.name().strip(), r.unit().strip(),
                Choices.parse(Indicator.Direction.class, r.direction(), "direction"), r.amberMargin());
        UUID indicatorId = indicators.define(caller, id, indicator, r.targets());
        return HttpResponse.created(new IndicatorView(indicatorId, indicator.name()));
    }

    /** Reports a reading of an indicator for a period; answers its red, amber or green ratings. */
    @Post("/{id}/indicators/{indicatorId}/readings")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public IndicatorRatingsView report(Caller caller, @PathVariable UUID id, @PathVariable UUID indicatorId,
                                       @Valid @Body ReadingRequest r) {
        ReportingPeriod period = ReadingPeriod.parse(r.period(), "period");
        Indicators.Ratings ratings = indicators.report(caller, id, indicatorId, r.authorityId(), period, r.value());
        return transactions.read(caller, connection -> ratings(ratings));
    }

    /** Every indicator's ratings for a period; a recipient with no reading shows as MISSING. */
    @Get("/{id}/indicators")
    public List<IndicatorRatingsView> indicators(Caller caller, @PathVariable UUID id, @QueryValue String period) {
        List<Indicators.Ratings> ratings = indicators.ratings(caller, id, ReadingPeriod.parse(period, "period"));
        return transactions.read(caller, connection -> ratings.stream().map(this::ratings).toList());
    }

    /** Schedules a review of the arrangement. */
    @Post("/{id}/reviews")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public List<ReviewView> scheduleReview(Caller caller, @PathVariable UUID id, @Valid @Body ScheduleReviewRequest r) {
        return reviews.schedule(caller, id, r.kind().strip(), r.dueOn()).stream().map(ArrangementController::review).toList();
    }

    /** The arrangement's reviews. */
    @Get("/{id}/reviews")
    public List<ReviewView> reviews(Caller caller, @PathVariable UUID id) {
        return reviews.reviews(caller, id).stream().map(ArrangementController::review).toList();
    }

    /** Completes a review: continue, vary, or terminate (which ends the arrangement on the day). */
    @Post("/{id}/reviews/{reviewId}/complete")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public ArrangementView completeReview(Caller caller, @PathVariable UUID id, @PathVariable UUID reviewId,
                                          @Valid @Body CompleteReviewRequest r) {
        ReviewOutcome outcome = Choices.parse(ReviewOutcome.class, r.outcome(), "review outcome");
        reviews.complete(caller, id, reviewId, outcome, r.decidedBy().strip(), r.completedOn(), r.note());
        return get(caller, id, null);
    }

    private SavingsYearView savings(Caller caller, Arrangements.Ledger ledger) {
        return transactions.read(caller, connection -> savings(ledger));
    }

    private SavingsYearView savings(Arrangements.Ledger ledger) {
        List<SavingView> rows = ledger.lines().values().stream().map(l -> new SavingView(l.authorityId(),
                authorities.nameOf(l.authorityId()), l.baselinePence(), l.costPence(), l.savingPence())).toList();
        List<HostCostView> hosts = ledger.runningCosts().entrySet().stream().map(e -> new HostCostView(
                e.getKey(), authorities.nameOf(e.getKey()), e.getValue())).toList();
        return new SavingsYearView(ledger.year().toString(),
                ledger.runningCosts().values().stream().mapToLong(Long::longValue).sum(), rows,
                rows.stream().mapToLong(SavingView::savingPence).sum(), hosts);
    }

    private IndicatorRatingsView ratings(Indicators.Ratings r) {
        Indicator i = r.indicator().indicator();
        List<RatingView> ratings = r.targets().entrySet().stream().map(t -> new RatingView(t.getKey(),
                authorities.nameOf(t.getKey()), t.getValue(), r.readings().get(t.getKey()), r.ratingOf(t.getKey()).name()))
                .toList();
        return new IndicatorRatingsView(r.indicator().id(), i.name(), i.unit(), i.direction().name(), r.period().label(),
                ratings);
    }

    private static ReviewView review(PerformanceStore.Review r) {
        return new ReviewView(r.id(), r.kind(), r.dueOn(), r.outcome(), r.decidedBy(), r.completedOn(), r.note());
    }

    private ArrangementStore.Arrangement find(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("arrangement-not-found",
                "No arrangement " + id + " for you."));
    }

    private ArrangementView view(ArrangementStore.Arrangement a, LocalDate hostOn) {
        List<HostPeriod> history = store.hostHistory(a.id());
        HostOnView on = null;
        if (hostOn != null) {
            UUID host = HostPeriod.hostOn(history, hostOn).orElse(null);
            on = new HostOnView(hostOn, host, host == null ? null : authorities.nameOf(host));
        }
        return new ArrangementView(a.id(), a.title(), a.serviceArea(), a.hostAuthorityId(),
                authorities.nameOf(a.hostAuthorityId()), a.status(), a.basis(), a.startsOn(), a.endsOn(), a.reviewOn(),
                a.interimCondition(), a.conditionMetOn(), a.capacityDaysPerWeek(), a.capacityNote(), a.costAllocation(),
                a.noticeMonths(), a.agreementReference(), a.legalBasis(), a.opportunityId(), a.exitOn(), a.terminationReason(),
                MANAGEMENT, history.stream().map(p -> new HostPeriodView(p.hostAuthorityId(),
                        authorities.nameOf(p.hostAuthorityId()), p.from(), p.to())).toList(),
                store.recipients(a.id()).stream().map(r -> new RecipientView(r.authorityId(),
                        authorities.nameOf(r.authorityId()), r.joinedOn(), r.leftOn(), r.leftReason(), r.serviceLevel(),
                        r.accountManager(), r.consent().name())).toList(), a.regionIds(), on, store.changes(a.id()).stream()
                .map(c -> new ChangeView(c.change(), c.by(), c.at())).toList(),
                store.pendingTransfer(a.id()).map(t -> new ProposedHostView(t.id(), t.toAuthorityId(),
                        authorities.nameOf(t.toAuthorityId()), t.effectiveOn())).orElse(null));
    }
}
