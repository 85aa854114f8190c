package io.concordat.partnerevents.app;

import io.concordat.partnerevents.domain.Audience;
import io.concordat.partnerevents.domain.LoggedEvent;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.concordat.partnerevents.store.DirectoryCopies;
import io.concordat.partnerevents.store.EventLog;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What a partner may read of the log, from a position, a time or an event id, within the
 * retention window: the stream and the paged replay both read through here.
 */
@Singleton
public class Replay {

    private static final int SCAN = 500;

    /** A page of events and the position to continue after. */
    public record Page(List<LoggedEvent> events, long next) {
    }

    private final PartnerTransactions transactions;
    private final EventLog log;
    private final DirectoryCopies copies;
    private final Clock clock;
    private final Duration retention;

    public Replay(PartnerTransactions transactions, EventLog log, DirectoryCopies copies, Clock clock,
                  @Value("${concordat.partners.retention:90d}") Duration retention) {
        this.transactions = transactions;
        this.log = log;
        this.copies = copies;
        this.clock = clock;
        this.retention = retention;
    }

    /** Where a replay from a time starts: just before the first event at or after it. */
    public long positionBefore(OffsetDateTime time) {
        OffsetDateTime from = time.isBefore(retentionStart()) ? retentionStart() : time;
        return transactions.asPlatform(c -> log.positionBefore(from));
    }

    /** Where a replay after an event starts: at that event. */
    public long positionOf(UUID eventId) {
        return transactions.asPlatform(c -> log.positionOf(eventId)).orElseThrow(() -> PartnerRuleException.invalid(
                "unknown-event", "No event " + eventId + " in the log; replay from a time instead."));
    }

    public long lastPosition() {
        return transactions.asPlatform(c -> log.lastPosition());
    }

    /**
     * The partner's events after the position, up to {@code limit}, that also pass {@code wanted};
     * scans at most a few thousand log entries per call, so a partner that may read little does
     * not hold a transaction long.
     */
    public Page after(PartnerIdentity partner, long position, int limit, Predicate<LoggedEvent> wanted) {
        return transactions.asPlatform(c -> {
            Audience audience = audienceOf(partner);
            List<LoggedEvent> found = new ArrayList<>();
            long next = position;
            for (int scans = 0; scans < 10 && found.size() < limit; scans++) {
                List<LoggedEvent> batch = log.after(next, retentionStart(), SCAN);
                for (LoggedEvent event : batch) {
                    next = event.position();
                    if (audience.mayRead(event) && wanted.test(event)) {
                        found.add(event);
                        if (found.size() == limit) {
                            break;
                        }
                    }
                }
                if (batch.size() < SCAN) {
                    break;
                }
            }
            return new Page(found, next);
        });
    }

    /** Inside a transaction: what the partner's authority (or region) could read. */
    public Audience audienceOf(PartnerIdentity partner) {
        return partner.regionId().map(Audience::ofRegion)
                .orElseGet(() -> copies.audienceOf(partner.authorityId().orElseThrow()));
    }

    private OffsetDateTime retentionStart() {
        return clock.instant().minus(retention).atOffset(ZoneOffset.UTC);
    }
}
