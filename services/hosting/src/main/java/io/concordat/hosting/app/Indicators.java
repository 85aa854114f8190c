package io.concordat.hosting.app;

import io.concordat.events.EventTypes;
import io.concordat.events.ReportingPeriod;
import io.concordat.events.hosting.v1.IndicatorReported;
import io.concordat.hosting.domain.Arrangement;
import io.concordat.hosting.domain.HostingRuleException;
import io.concordat.hosting.domain.HostingRuleException.Refusal;
import io.concordat.hosting.domain.Indicator;
import io.concordat.hosting.domain.Recipient;
import io.concordat.hosting.store.ArrangementStore;
import io.concordat.hosting.store.PerformanceStore;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenantTransactions;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Performance of a running arrangement: the host agrees indicators with a target for each
 * recipient and reports readings, each published as IndicatorReported with its rating; every
 * party reads the ratings of a period.
 */
@Singleton
public class Indicators {

    private final TenantTransactions transactions;
    private final ArrangementStore store;
    private final PerformanceStore performance;
    private final EventPublisher events;

    public Indicators(TenantTransactions transactions, ArrangementStore store, PerformanceStore performance,
                      EventPublisher events) {
        this.transactions = transactions;
        this.store = store;
        this.performance = performance;
        this.events = events;
    }

    /** An indicator's targets and readings in one period, to be rated for each recipient. */
    public record Ratings(PerformanceStore.StoredIndicator indicator, ReportingPeriod period, Map<UUID, BigDecimal> targets,
                          Map<UUID, BigDecimal> readings) {

        public Indicator.Rating ratingOf(UUID authority) {
            return indicator.indicator().rate(readings.get(authority), targets.get(authority));
        }
    }

    /** The host agrees an indicator, with targets only for recipients of the service. */
    public UUID define(Caller caller, UUID id, Indicator indicator, Map<UUID, BigDecimal> targets) {
        return transactions.write(caller, connection -> {
            Arrangement a = load(id);
            a.requireHost(caller.requireAuthority());
            Set<UUID> recipients = store.recipients(id).stream().map(Recipient::authorityId).collect(Collectors.toSet());
            if (!recipients.containsAll(targets.keySet())) {
                throw new HostingRuleException(Refusal.UNPROCESSABLE, "not-a-recipient",
                        "Targets are set for recipients of the service.");
            }
            UUID indicatorId = UUID.randomUUID();
            performance.addIndicator(indicatorId, a.id(), indicator, targets);
            return indicatorId;
        });
    }

    /** The host reports a recipient's reading for a period; the rating against its target is published. */
    public Ratings report(Caller caller, UUID id, UUID indicatorId, UUID authority, ReportingPeriod period,
                          BigDecimal value) {
        return transactions.write(caller, connection -> {
            Arrangement a = load(id);
            a.requireHost(caller.requireAuthority());
            PerformanceStore.StoredIndicator indicator = performance.indicator(id, indicatorId).orElseThrow(() ->
                    ProblemException.notFound("indicator-not-found", "The arrangement has no indicator " + indicatorId + "."));
            if (!performance.targets(indicatorId).containsKey(authority)) {
                throw new HostingRuleException(Refusal.UNPROCESSABLE, "no-target", "The indicator has no target for that body.");
            }
            Instant now = Instant.now();
            performance.report(indicatorId, authority, period, value, caller.subject(), now);
            BigDecimal target = performance.targets(indicatorId).get(authority);
            events.publish(EventTypes.INDICATOR_REPORTED, id.toString(), a.hostAuthorityId(), row(id).regionIds(),
                    new IndicatorReported(id, indicatorId, indicator.indicator().name(), authority, period.label(),
                            value, target, indicator.indicator().rate(value, target).name(), now,
                            period.firstDay(), period.lastDay()));
            return ratings(indicator, period);
        });
    }

    /** Every indicator's ratings for a period. */
    public List<Ratings> ratings(Caller caller, UUID id, ReportingPeriod period) {
        return transactions.read(caller, connection -> {
            row(id);
            return performance.indicators(id).stream().map(i -> ratings(i, period)).toList();
        });
    }

    private Ratings ratings(PerformanceStore.StoredIndicator indicator, ReportingPeriod period) {
        return new Ratings(indicator, period, performance.targets(indicator.id()), performance.readings(indicator.id(), period));
    }

    private Arrangement load(UUID id) {
        return store.load(id).orElseThrow(() -> Arrangements.notFound(id));
    }

    private ArrangementStore.Arrangement row(UUID id) {
        return store.find(id).orElseThrow(() -> Arrangements.notFound(id));
    }
}
