package io.concordat.hosting.api;

import io.concordat.events.EventTypes;
import io.concordat.events.ReportingPeriod;
import io.concordat.events.ServiceArea;
import io.concordat.events.hosting.v1.ArrangementStarted;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.events.hosting.v1.ReviewCompleted;
import io.concordat.events.hosting.v1.RecipientLeft;
import io.concordat.hosting.app.ArrangementCommands;
import io.concordat.hosting.app.Arrangements;
import io.concordat.hosting.domain.ArrangementStatus;
import io.concordat.hosting.domain.Basis;
import io.concordat.hosting.domain.Consent;
import io.concordat.hosting.domain.CostAllocation;
import io.concordat.hosting.domain.FinancialYear;
import io.concordat.hosting.domain.HostPeriod;
import io.concordat.hosting.domain.HostingRuleException;
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
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Hosting arrangements: live shared services, their terms, recipients, hosts over time, money,
 * indicators and reviews. Parties (every host and recipient, past or present) and members of the
 * regions an arrangement is shared with read it; the current host runs it.
 */
@Controller("/api/v1/hosting/arrangements")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ArrangementController {

    private static final String MANAGEMENT = "Day-to-day management rests with the host; statutory accountability "
            + "for the service stays with each recipient.";

    private final TenantTransactions transactions;
    private final ArrangementStore store;
    private final PerformanceStore performance;
    private final ArrangementCommands commands;
    private final Arrangements arrangements;
    private final AuthorityDirectory authorities;
    private final RegionMemberships memberships;
    private final EventPublisher events;

    public ArrangementController(TenantTransactions transactions, ArrangementStore store, PerformanceStore performance,
                                 ArrangementCommands commands, Arrangements arrangements, AuthorityDirectory authorities,
                                 RegionMemberships memberships, EventPublisher events) {
        this.transactions = transactions;
        this.store = store;
        this.performance = performance;
        this.commands = commands;
        this.arrangements = arrangements;
        this.authorities = authorities;
        this.memberships = memberships;
        this.events = events;
    }

    /** Records an arrangement the caller's authority hosts, e.g. one agreed before the platform existed. */
    @Post
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<HostingViews.Arrangement> create(Caller caller, @Valid @Body HostingRequests.CreateArrangement r) {
        UUID host = caller.requireAuthority();
        ServiceArea area = ServiceAreas.require(r.serviceArea());
        Terms terms = rule(() -> Terms.of(Choices.parse(Basis.class, r.basis(), "basis"), r.startsOn(), r.endsOn(), r.trialMonths(),
                r.reviewOn(), r.interimCondition(), r.capacityDaysPerWeek(), r.capacityNote()));
        CostAllocation allocation = Choices.parse(CostAllocation.class, r.costAllocation(), "cost allocation");
        List<UUID> regions = r.regionIds() == null ? List.of() : r.regionIds().stream().distinct().toList();
        HostingViews.Arrangement view = transactions.write(caller, connection -> {
            List<UUID> unknown = r.recipients().stream().map(HostingRequests.AddRecipient::authorityId)
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
    public List<HostingViews.Arrangement> list(Caller caller) {
        return transactions.read(caller, connection -> store.visible().stream().map(a -> view(a, null)).toList());
    }

    /** An arrangement; with {@code hostOn} it also says who hosted it on that day. */
    @Get("/{id}")
    public HostingViews.Arrangement get(Caller caller, @PathVariable UUID id, @QueryValue @Nullable LocalDate hostOn) {
        return transactions.read(caller, connection -> view(find(id), hostOn));
    }

    /** The agreed arrangement goes live. */
    @Post("/{id}/start")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement start(Caller caller, @PathVariable UUID id, @Valid @Body HostingRequests.Start r) {
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            if (!ArrangementStatus.AGREED.name().equals(a.status())) {
                throw ProblemException.conflict("not-agreed", "Only an agreed arrangement starts; this one is " + a.status() + ".");
            }
            if (r.startedOn().isBefore(a.startsOn())) {
                throw ProblemException.badRequest("starts-before-agreed-start", "It cannot start before " + a.startsOn() + ".");
            }
            store.setStatus(id, ArrangementStatus.LIVE.name());
            store.log(id, "Started on " + r.startedOn(), caller.subject());
            events.publish(EventTypes.ARRANGEMENT_STARTED, id.toString(), a.hostAuthorityId(), a.regionIds(),
                    new ArrangementStarted(id, a.hostAuthorityId(), r.startedOn(), caller.subject(), Instant.now()));
            return view(find(id), null);
        });
    }

    /** Proposes a new host from a day; the hosting passes only when that body accepts. */
    @Post("/{id}/host-transfers")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement transfer(Caller caller, @PathVariable UUID id, @Valid @Body HostingRequests.TransferHost r) {
        arrangements.proposeTransfer(caller, id, r.toAuthorityId(), r.effectiveOn());
        return get(caller, id, null);
    }

    /** The proposed host, and only it, accepts: it hosts from the day proposed. */
    @Post("/{id}/host-transfers/{transferId}/accept")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement acceptTransfer(Caller caller, @PathVariable UUID id, @PathVariable UUID transferId) {
        arrangements.answerTransfer(caller, id, transferId, Consent.ACCEPTED);
        return get(caller, id, null);
    }

    /** The proposed host declines: the current host keeps the service. */
    @Post("/{id}/host-transfers/{transferId}/decline")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Answer declineTransfer(Caller caller, @PathVariable UUID id, @PathVariable UUID transferId) {
        arrangements.answerTransfer(caller, id, transferId, Consent.DECLINED);
        return new HostingViews.Answer(id, caller.requireAuthority(), Consent.DECLINED.name());
    }

    /** Asks a council to receive the service from a day; it receives it only once it accepts. */
    @Post("/{id}/recipients")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement addRecipient(Caller caller, @PathVariable UUID id,
                                                 @Valid @Body HostingRequests.AddRecipient r) {
        arrangements.askRecipient(caller, id, r.authorityId(), r.joinedOn(), r.serviceLevel(), r.accountManager());
        return get(caller, id, null);
    }

    /** The council asked, and only it, accepts to receive the service. */
    @Post("/{id}/recipients/{authorityId}/accept")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement acceptAsRecipient(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId) {
        arrangements.answerAsRecipient(caller, id, authorityId, Consent.ACCEPTED);
        return get(caller, id, null);
    }

    /** The council asked declines; it no longer sees the arrangement. */
    @Post("/{id}/recipients/{authorityId}/decline")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Answer declineAsRecipient(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId) {
        arrangements.answerAsRecipient(caller, id, authorityId, Consent.DECLINED);
        return new HostingViews.Answer(id, authorityId, Consent.DECLINED.name());
    }

    @Post("/{id}/recipients/{authorityId}/leave")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement recipientLeaves(Caller caller, @PathVariable UUID id, @PathVariable UUID authorityId,
                                                    @Valid @Body HostingRequests.RecipientLeaves r) {
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            if (store.recipientLeaves(id, authorityId, r.leftOn(), r.reason().strip()) == 0) {
                throw ProblemException.conflict("not-a-recipient", "That body does not receive the service now.");
            }
            store.log(id, authorities.nameOf(authorityId) + " left on " + r.leftOn() + ": " + r.reason().strip(),
                    caller.subject());
            events.publish(EventTypes.RECIPIENT_LEFT, id.toString(), a.hostAuthorityId(), a.regionIds(),
                    new RecipientLeft(id, authorityId, r.leftOn(), r.reason().strip(), Instant.now()));
            return view(find(id), null);
        });
    }

    /** Records that an interim arrangement's condition was met (e.g. the post was filled), which ends it. */
    @Post("/{id}/condition-met")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement conditionMet(Caller caller, @PathVariable UUID id,
                                                 @Valid @Body HostingRequests.ConditionMet r) {
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            if (!Basis.INTERIM.name().equals(a.basis())) {
                throw ProblemException.conflict("not-interim", "Only an interim arrangement ends when its condition is met.");
            }
            store.conditionMet(id, r.metOn(), caller.subject());
            arrangements.end(caller, id, r.metOn(), "Condition met: " + a.interimCondition());
            return view(find(id), null);
        });
    }

    /** Ends the arrangement on its exit date, and with it every current recipient's receipt. */
    @Post("/{id}/terminate")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement terminate(Caller caller, @PathVariable UUID id, @Valid @Body HostingRequests.Terminate r) {
        arrangements.terminate(caller, id, r.exitOn(), r.reason().strip());
        return get(caller, id, null);
    }

    @Post("/{id}/recharges")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<Map<String, Object>> recharge(Caller caller, @PathVariable UUID id,
                                                      @Valid @Body HostingRequests.Recharge r) {
        arrangements.recharge(caller, id, r.recipientAuthorityId(), r.periodFrom(), r.periodTo(), r.amountPence());
        return HttpResponse.created(Map.of("recipientAuthorityId", r.recipientAuthorityId(), "amountPence", r.amountPence()));
    }

    /** Each authority records its own baseline: what the service cost it alone in the year. */
    @Put("/{id}/baselines/{financialYear}")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.SavingsYear baseline(Caller caller, @PathVariable UUID id, @PathVariable String financialYear,
                                             @Valid @Body HostingRequests.Amount r) {
        FinancialYear year = rule(() -> FinancialYear.parse(financialYear));
        requireNotNegative(r.pence());
        UUID authority = caller.requireAuthority();
        transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = find(id);
            if (!a.partyIds().contains(authority)) {
                throw ProblemException.forbidden("not-a-party", "Only a host or recipient records a baseline.");
            }
            store.setBaseline(id, authority, year.toString(), r.pence());
            return null;
        });
        return savings(caller, arrangements.ledger(caller, id, year));
    }

    /** A host records its running cost for a year it hosted; each host of a year keeps its own. */
    @Put("/{id}/running-costs/{financialYear}")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.SavingsYear runningCost(Caller caller, @PathVariable UUID id, @PathVariable String financialYear,
                                                @Valid @Body HostingRequests.Amount r) {
        return savings(caller, arrangements.setRunningCost(caller, id, FinancialYear.parse(financialYear), r.pence()));
    }

    /** A year's ledger, by the host or hosts of that year. */
    @Get("/{id}/savings/{financialYear}")
    public HostingViews.SavingsYear savings(Caller caller, @PathVariable UUID id, @PathVariable String financialYear) {
        return savings(caller, arrangements.ledger(caller, id, FinancialYear.parse(financialYear)));
    }

    /** A host of the year closes its figures: each authority's saving is published as SavingsRecorded. */
    @Post("/{id}/savings/{financialYear}/record")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.SavingsYear recordSavings(Caller caller, @PathVariable UUID id, @PathVariable String financialYear) {
        return savings(caller, arrangements.recordSavings(caller, id, FinancialYear.parse(financialYear)));
    }

    @Post("/{id}/indicators")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HttpResponse<Map<String, Object>> defineIndicator(Caller caller, @PathVariable UUID id,
                                                             @Valid @Body HostingRequests.DefineIndicator r) {
        Indicator indicator = rule(() -> new Indicator(r.name().strip(), r.unit().strip(),
                Choices.parse(Indicator.Direction.class, r.direction(), "direction"), r.amberMargin()));
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            Set<UUID> recipients = store.recipients(id).stream().map(Recipient::authorityId)
                    .collect(Collectors.toSet());
            if (!recipients.containsAll(r.targets().keySet())) {
                throw ProblemException.unprocessable("not-a-recipient", "Targets are set for recipients of the service.");
            }
            UUID indicatorId = UUID.randomUUID();
            performance.addIndicator(indicatorId, a.id(), indicator, r.targets());
            return HttpResponse.created(Map.of("id", indicatorId, "name", indicator.name()));
        });
    }

    @Post("/{id}/indicators/{indicatorId}/readings")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.IndicatorRatings report(Caller caller, @PathVariable UUID id, @PathVariable UUID indicatorId,
                                                @Valid @Body HostingRequests.Reading r) {
        ReportingPeriod period = rule(() -> ReadingPeriod.parse(r.period(), "period"));
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            PerformanceStore.StoredIndicator indicator = performance.indicator(id, indicatorId).orElseThrow(() ->
                    ProblemException.notFound("indicator-not-found", "The arrangement has no indicator " + indicatorId + "."));
            if (!performance.targets(indicatorId).containsKey(r.authorityId())) {
                throw ProblemException.unprocessable("no-target", "The indicator has no target for that body.");
            }
            Instant now = Instant.now();
            performance.report(indicatorId, r.authorityId(), period, r.value(), caller.subject(), now);
            BigDecimal target = performance.targets(indicatorId).get(r.authorityId());
            events.publish(EventTypes.INDICATOR_REPORTED, id.toString(), a.hostAuthorityId(), a.regionIds(),
                    new IndicatorReported(id, indicatorId, indicator.indicator().name(), r.authorityId(), period.label(),
                            r.value(), target, indicator.indicator().rate(r.value(), target).name(), now,
                            period.firstDay(), period.lastDay()));
            return ratings(indicator, period);
        });
    }

    /** Every indicator's ratings for a period; a recipient with no reading shows as MISSING. */
    @Get("/{id}/indicators")
    public List<HostingViews.IndicatorRatings> indicators(Caller caller, @PathVariable UUID id, @QueryValue String period) {
        ReportingPeriod asked = rule(() -> ReadingPeriod.parse(period, "period"));
        return transactions.read(caller, connection -> {
            find(id);
            return performance.indicators(id).stream().map(i -> ratings(i, asked)).toList();
        });
    }

    @Post("/{id}/reviews")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public List<HostingViews.Review> scheduleReview(Caller caller, @PathVariable UUID id,
                                                    @Valid @Body HostingRequests.ScheduleReview r) {
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            commands.scheduleReview(id, a.hostAuthorityId(), a.regionIds(), r.kind().strip(), r.dueOn());
            return reviews(id);
        });
    }

    @Get("/{id}/reviews")
    public List<HostingViews.Review> reviews(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> {
            find(id);
            return reviews(id);
        });
    }

    /** Completes a review: continue, vary, or terminate (which ends the arrangement on the day). */
    @Post("/{id}/reviews/{reviewId}/complete")
    @Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN})
    public HostingViews.Arrangement completeReview(Caller caller, @PathVariable UUID id, @PathVariable UUID reviewId,
                                                   @Valid @Body HostingRequests.CompleteReview r) {
        ReviewOutcome outcome = Choices.parse(ReviewOutcome.class, r.outcome(), "review outcome");
        return transactions.write(caller, connection -> {
            ArrangementStore.Arrangement a = hostedByCaller(caller, id);
            String kind = performance.reviews(id).stream().filter(x -> x.id().equals(reviewId)).findFirst()
                    .map(PerformanceStore.Review::kind).orElseThrow(() -> ProblemException.notFound("review-not-found",
                            "The arrangement has no review " + reviewId + "."));
            if (performance.completeReview(reviewId, outcome.name(), r.decidedBy().strip(), r.completedOn(), r.note()) == 0) {
                throw ProblemException.conflict("review-completed", "That review was already completed.");
            }
            store.log(id, kind + " by " + r.decidedBy().strip() + ": " + outcome.name().toLowerCase(), caller.subject());
            events.publish(EventTypes.REVIEW_COMPLETED, id.toString(), a.hostAuthorityId(), a.regionIds(),
                    new ReviewCompleted(id, reviewId, kind, outcome.name(), r.decidedBy().strip(), r.completedOn(), r.note(),
                            Instant.now()));
            if (outcome == ReviewOutcome.TERMINATE) {
                arrangements.end(caller, id, r.completedOn(), "Review by " + r.decidedBy().strip() + ": terminate");
            } else {
                store.setStatus(id, outcome.statusAfter().name());
            }
            return view(find(id), null);
        });
    }

    private HostingViews.SavingsYear savings(Caller caller, Arrangements.Ledger ledger) {
        return transactions.read(caller, connection -> savings(ledger));
    }

    private HostingViews.SavingsYear savings(Arrangements.Ledger ledger) {
        List<HostingViews.Saving> rows = ledger.lines().values().stream().map(l -> new HostingViews.Saving(l.authorityId(),
                authorities.nameOf(l.authorityId()), l.baselinePence(), l.costPence(), l.savingPence())).toList();
        List<HostingViews.HostCost> hosts = ledger.runningCosts().entrySet().stream().map(e -> new HostingViews.HostCost(
                e.getKey(), authorities.nameOf(e.getKey()), e.getValue())).toList();
        return new HostingViews.SavingsYear(ledger.year().toString(),
                ledger.runningCosts().values().stream().mapToLong(Long::longValue).sum(), rows,
                rows.stream().mapToLong(HostingViews.Saving::savingPence).sum(), hosts);
    }

    private HostingViews.IndicatorRatings ratings(PerformanceStore.StoredIndicator i, ReportingPeriod period) {
        Map<UUID, BigDecimal> targets = performance.targets(i.id());
        Map<UUID, BigDecimal> readings = performance.readings(i.id(), period);
        List<HostingViews.Rating> ratings = targets.entrySet().stream().map(t -> new HostingViews.Rating(t.getKey(),
                authorities.nameOf(t.getKey()), t.getValue(), readings.get(t.getKey()),
                i.indicator().rate(readings.get(t.getKey()), t.getValue()).name())).toList();
        return new HostingViews.IndicatorRatings(i.id(), i.indicator().name(), i.indicator().unit(),
                i.indicator().direction().name(), period.label(), ratings);
    }

    private List<HostingViews.Review> reviews(UUID id) {
        return performance.reviews(id).stream().map(r -> new HostingViews.Review(r.id(), r.kind(), r.dueOn(), r.outcome(),
                r.decidedBy(), r.completedOn(), r.note())).toList();
    }

    private ArrangementStore.Arrangement find(UUID id) {
        return store.find(id).orElseThrow(() -> ProblemException.notFound("arrangement-not-found",
                "No arrangement " + id + " for you."));
    }

    private ArrangementStore.Arrangement hostedByCaller(Caller caller, UUID id) {
        ArrangementStore.Arrangement a = find(id);
        if (!a.hostAuthorityId().equals(caller.requireAuthority())) {
            throw ProblemException.forbidden("not-the-host", "Only the current host runs the arrangement.");
        }
        return a;
    }

    private HostingViews.Arrangement view(ArrangementStore.Arrangement a, LocalDate hostOn) {
        List<HostPeriod> history = store.hostHistory(a.id());
        HostingViews.HostOn on = null;
        if (hostOn != null) {
            UUID host = HostPeriod.hostOn(history, hostOn).orElse(null);
            on = new HostingViews.HostOn(hostOn, host, host == null ? null : authorities.nameOf(host));
        }
        return new HostingViews.Arrangement(a.id(), a.title(), a.serviceArea(), a.hostAuthorityId(),
                authorities.nameOf(a.hostAuthorityId()), a.status(), a.basis(), a.startsOn(), a.endsOn(), a.reviewOn(),
                a.interimCondition(), a.conditionMetOn(), a.capacityDaysPerWeek(), a.capacityNote(), a.costAllocation(),
                a.noticeMonths(), a.agreementReference(), a.legalBasis(), a.opportunityId(), a.exitOn(), a.terminationReason(),
                MANAGEMENT, history.stream().map(p -> new HostingViews.HostPeriod(p.hostAuthorityId(),
                        authorities.nameOf(p.hostAuthorityId()), p.from(), p.to())).toList(),
                store.recipients(a.id()).stream().map(r -> new HostingViews.Recipient(r.authorityId(),
                        authorities.nameOf(r.authorityId()), r.joinedOn(), r.leftOn(), r.leftReason(), r.serviceLevel(),
                        r.accountManager(), r.consent().name())).toList(), a.regionIds(), on, store.changes(a.id()).stream()
                .map(c -> new HostingViews.Change(c.change(), c.by(), c.at())).toList(),
                store.pendingTransfer(a.id()).map(t -> new HostingViews.ProposedHost(t.id(), t.toAuthorityId(),
                        authorities.nameOf(t.toAuthorityId()), t.effectiveOn())).orElse(null));
    }

    private static void requireNotNegative(long pence) {
        if (pence < 0) {
            throw ProblemException.badRequest("negative-amount", "An amount is zero pence or more.");
        }
    }

    private static <T> T rule(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (HostingRuleException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
    }
}
