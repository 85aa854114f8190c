package io.concordat.partnerevents.app;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Keeps the log and the deliveries to the retention window partners are promised
 * ({@code concordat.partners.retention}, 90 days): older events can no longer be replayed, so
 * they, and their deliveries and attempts, are deleted, a chunk at a time so that no purge holds
 * locks the workers wait on. Replicas may purge at once: a row is deleted once whoever does it.
 */
@Singleton
@Requires(property = "concordat.partners.purge.enabled", notEquals = "false")
public class LogRetention {

    private static final Logger LOG = LoggerFactory.getLogger(LogRetention.class);
    static final int CHUNK = 5_000;

    private final PartnerTransactions transactions;
    private final Clock clock;
    private final Duration retention;

    public LogRetention(PartnerTransactions transactions, Clock clock,
                        @Value("${concordat.partners.retention:90d}") Duration retention) {
        this.transactions = transactions;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelay = "${concordat.partners.purge.every:1h}", initialDelay = "${concordat.partners.purge.first:5m}")
    void purgeOnSchedule() {
        Purged purged = purge();
        if (purged.events() + purged.deliveries() > 0) {
            LOG.info("Purged {} logged events and {} deliveries older than {}", purged.events(), purged.deliveries(), retention);
        }
    }

    /** Deletes what fell out of the window; says how many events and deliveries went. */
    public Purged purge() {
        OffsetDateTime before = clock.instant().minus(retention).atOffset(ZoneOffset.UTC);
        long deliveries = deleteInChunks("""
                delete from delivery where id in (select id from delivery where event_time < ? limit ?)""", before);
        long events = deleteInChunks("""
                delete from event_log where event_id in (select event_id from event_log where occurred_at < ? limit ?)""", before);
        return new Purged(events, deliveries);
    }

    private long deleteInChunks(String sql, OffsetDateTime before) {
        long total = 0;
        int deleted;
        do {
            deleted = transactions.asPlatform(connection -> {
                try (PreparedStatement delete = connection.prepareStatement(sql)) {
                    delete.setObject(1, before);
                    delete.setInt(2, CHUNK);
                    return delete.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot purge the partner log", e);
                }
            });
            total += deleted;
        } while (deleted == CHUNK);
        return total;
    }

    /** How many logged events and deliveries a purge deleted. */
    public record Purged(long events, long deliveries) {
    }
}
