package io.concordat.partnerevents.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.partnerevents.domain.LoggedEvent;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.concordat.partnerevents.store.Subscriptions.at;

/**
 * The outbox of webhook deliveries and the log of their attempts. A delivery is due when its time
 * has come, its subscription is active, and every earlier event about the same aggregate has been
 * delivered to that subscription: order per aggregate is kept across retries and restarts.
 */
@Singleton
public class Deliveries {

    /** One delivery and where it stands. */
    @io.micronaut.serde.annotation.Serdeable
    public record Delivery(UUID id, UUID subscriptionId, long eventPosition, UUID eventId, String subject, String status,
                           int attempts, Instant nextAttemptAt, Instant firstFailedAt, Integer lastStatus,
                           Instant createdAt, Instant deliveredAt) {
    }

    /** One attempt to deliver. */
    @io.micronaut.serde.annotation.Serdeable
    public record Attempt(UUID deliveryId, int attempt, Instant attemptedAt, Integer statusCode, long durationMs,
                          String outcome, String responseExcerpt) {
    }

    private static final String COLUMNS = """
            select id, subscription_id, event_position, event_id, subject, status, attempts, next_attempt_at,
                   first_failed_at, last_status, created_at, delivered_at from delivery d""";

    private final CurrentConnection current;

    public Deliveries(CurrentConnection current) {
        this.current = current;
    }

    public long fanoutPosition() {
        try (PreparedStatement s = current.get().prepareStatement("select position from fanout_cursor where id = 1 for update");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the fan-out position", e);
        }
    }

    public void fannedOutTo(long position) {
        update("update fanout_cursor set position = ? where id = 1", position);
    }

    public void enqueue(UUID subscriptionId, LoggedEvent event, Instant now) {
        update("""
                insert into delivery (id, subscription_id, event_position, event_id, event_time, subject, status,
                                      next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (subscription_id, event_id) do nothing""",
                UUID.randomUUID(), subscriptionId, event.position(), event.id(), event.time(), event.subject(), at(now),
                at(now));
    }

    /** Due deliveries, at most one per aggregate and subscription (the earliest not yet delivered). */
    public List<Delivery> due(Instant now, int limit) {
        return query("""
                select d.id, d.subscription_id, d.event_position, d.event_id, d.subject, d.status, d.attempts,
                       d.next_attempt_at, d.first_failed_at, d.last_status, d.created_at, d.delivered_at
                from delivery d join subscription s on s.id = d.subscription_id and s.status = 'ACTIVE'
                where d.status = 'PENDING' and d.next_attempt_at <= ?
                  and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id
                                  and e.subject = d.subject and e.status <> 'DELIVERED' and e.event_position < d.event_position)
                order by d.next_attempt_at, d.event_position limit ?""", at(now), limit);
    }

    public Optional<Delivery> find(UUID id) {
        return query(COLUMNS + " where id = ?", id).stream().findFirst();
    }

    public List<Delivery> ofSubscription(UUID subscriptionId, int offset, int limit) {
        return query(COLUMNS + " where subscription_id = ? order by event_position desc offset ? limit ?",
                subscriptionId, offset, limit);
    }

    public List<Attempt> attemptsOf(UUID deliveryId) {
        try (PreparedStatement s = current.get().prepareStatement("""
                select delivery_id, attempt, attempted_at, status_code, duration_ms, outcome, response_excerpt
                from delivery_attempt where delivery_id = ? order by attempt""")) {
            s.setObject(1, deliveryId);
            List<Attempt> attempts = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    attempts.add(new Attempt(rs.getObject(1, UUID.class), rs.getInt(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), (Integer) rs.getObject(4), rs.getLong(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
            return attempts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read delivery attempts", e);
        }
    }

    public void recordAttempt(Attempt a) {
        update("""
                insert into delivery_attempt (delivery_id, attempt, attempted_at, status_code, duration_ms, outcome, response_excerpt)
                values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                a.deliveryId(), a.attempt(), at(a.attemptedAt()), a.statusCode(), a.durationMs(), a.outcome(),
                a.responseExcerpt());
    }

    /**
     * The outcome of an attempt at {@code tried}, recorded only if the delivery is still as it was
     * when the attempt began: a resend asked for meanwhile (which schedules it afresh) is kept, and
     * the delivery goes again, instead of being marked done by the attempt before it.
     */
    public void delivered(Delivery tried, int attempts, Integer status, Instant now) {
        update("""
                update delivery set status = 'DELIVERED', attempts = ?, last_status = ?, delivered_at = ?
                where id = ? and attempts = ? and next_attempt_at is not distinct from ?""",
                attempts, status, at(now), tried.id(), tried.attempts(), at(tried.nextAttemptAt()));
    }

    /** As {@link #delivered}, for an attempt to be tried again at {@code next}. */
    public void retryAt(Delivery tried, int attempts, Integer status, Instant next, Instant firstFailedAt) {
        update("""
                update delivery set attempts = ?, last_status = ?, next_attempt_at = ?, first_failed_at = ?
                where id = ? and attempts = ? and next_attempt_at is not distinct from ?""",
                attempts, status, at(next), at(firstFailedAt), tried.id(), tried.attempts(), at(tried.nextAttemptAt()));
    }

    /** As {@link #delivered}, for an attempt after which the delivery is given up. */
    public void failed(Delivery tried, int attempts, Integer status, Instant firstFailedAt) {
        update("""
                update delivery set status = 'FAILED', attempts = ?, last_status = ?, first_failed_at = ?
                where id = ? and attempts = ? and next_attempt_at is not distinct from ?""",
                attempts, status, at(firstFailedAt), tried.id(), tried.attempts(), at(tried.nextAttemptAt()));
    }

    /** Sends one delivery again from its first attempt, now; it keeps its event and so its webhook-id. */
    public boolean resend(UUID id, Instant now) {
        return update("""
                update delivery set status = 'PENDING', next_attempt_at = ?, attempts = 0, first_failed_at = null
                where id = ?""", at(now), id) == 1;
    }

    /** Sends again every delivery of the subscription whose event was logged since the time. */
    public int resendSince(UUID subscriptionId, Instant since, Instant now) {
        return update("""
                update delivery set status = 'PENDING', next_attempt_at = ?, attempts = 0, first_failed_at = null
                where subscription_id = ? and event_time >= ?""", at(now), subscriptionId, at(since));
    }

    /** After a pause, what had failed is tried again, from its first attempt. */
    public void retryFailed(UUID subscriptionId, Instant now) {
        update("""
                update delivery set status = 'PENDING', next_attempt_at = ?, attempts = 0, first_failed_at = null
                where subscription_id = ? and status = 'FAILED'""", at(now), subscriptionId);
    }

    private List<Delivery> query(String sql, Object... values) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<Delivery> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Delivery(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                            rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6), rs.getInt(7),
                            instant(rs.getObject(8, OffsetDateTime.class)), instant(rs.getObject(9, OffsetDateTime.class)),
                            (Integer) rs.getObject(10), instant(rs.getObject(11, OffsetDateTime.class)),
                            instant(rs.getObject(12, OffsetDateTime.class))));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read deliveries", e);
        }
    }

    private int update(String sql, Object... values) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update deliveries", e);
        }
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
