package io.concordat.partnerevents.store;

import io.concordat.kit.store.CurrentConnection;
import io.concordat.partnerevents.domain.EventTypePattern;
import io.concordat.partnerevents.domain.Subscription;
import io.concordat.partnerevents.domain.WebhookUrl;
import jakarta.inject.Singleton;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Partners' subscriptions; row-level security keeps each partner to its own. */
@Singleton
public class Subscriptions {

    private static final String COLUMNS = """
            select id, partner_id, event_types, region_filter, area_filter, webhook_url, status, authority_id, region_id,
                   signing_secret, previous_secret, previous_secret_until, created_at, status_reason, start_position
            from subscription""";

    /** A subscription as stored, with who it belongs to and its signing secrets. */
    public record Stored(Subscription subscription, Optional<UUID> authorityId, Optional<UUID> regionId,
                         String signingSecret, String previousSecret, Instant previousSecretUntil, Instant createdAt,
                         String statusReason, long startPosition) {
    }

    private final CurrentConnection current;

    public Subscriptions(CurrentConnection current) {
        this.current = current;
    }

    /**
     * Stores a new subscription, to be sent what is logged after it: it starts after the last
     * position the log has handed out (a sequence, which row-level security does not hide as it
     * hides other councils' rows). The caller holds the log's append lock, so no append is under
     * way and the sequence's last value is the last event logged.
     */
    public void insert(Subscription s, Optional<UUID> authorityId, Optional<UUID> regionId, String secret, Instant now) {
        Connection c = current.get();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into subscription (id, partner_id, authority_id, region_id, event_types, region_filter, area_filter,
                                          webhook_url, signing_secret, status, created_at, changed_at, start_position)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
                        coalesce(pg_sequence_last_value(pg_get_serial_sequence('event_log', 'position')::regclass), 0))""")) {
            insert.setObject(1, s.id());
            insert.setString(2, s.partnerId());
            insert.setObject(3, authorityId.orElse(null));
            insert.setObject(4, regionId.orElse(null));
            insert.setArray(5, c.createArrayOf("text", s.types().stream().map(EventTypePattern::value).toArray()));
            insert.setArray(6, c.createArrayOf("uuid", s.regionFilter().toArray()));
            insert.setArray(7, c.createArrayOf("text", s.areaFilter().toArray()));
            insert.setString(8, s.isWebhook() ? s.webhook().uri().toString() : null);
            insert.setString(9, secret);
            insert.setString(10, s.status().name());
            insert.setObject(11, at(now));
            insert.setObject(12, at(now));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store subscription " + s.id(), e);
        }
    }

    /** Stores a changed subscription: its types, filters, webhook and status. */
    public void update(Subscription s, String statusReason, Instant now) {
        Connection c = current.get();
        try (PreparedStatement update = c.prepareStatement("""
                update subscription set event_types = ?, region_filter = ?, area_filter = ?, webhook_url = ?, status = ?,
                                        status_reason = ?, changed_at = ? where id = ?""")) {
            update.setArray(1, c.createArrayOf("text", s.types().stream().map(EventTypePattern::value).toArray()));
            update.setArray(2, c.createArrayOf("uuid", s.regionFilter().toArray()));
            update.setArray(3, c.createArrayOf("text", s.areaFilter().toArray()));
            update.setString(4, s.isWebhook() ? s.webhook().uri().toString() : null);
            update.setString(5, s.status().name());
            update.setString(6, statusReason);
            update.setObject(7, at(now));
            update.setObject(8, s.id());
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change subscription " + s.id(), e);
        }
    }

    /** Makes {@code secret} the signing secret; the old one is still sent beside it until {@code overlapUntil}. */
    public void rotateSecret(UUID id, String secret, Instant overlapUntil) {
        try (PreparedStatement update = current.get().prepareStatement("""
                update subscription set previous_secret = signing_secret, previous_secret_until = ?, signing_secret = ?
                where id = ?""")) {
            update.setObject(1, at(overlapUntil));
            update.setString(2, secret);
            update.setObject(3, id);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rotate the secret of subscription " + id, e);
        }
    }

    public boolean delete(UUID id) {
        try (PreparedStatement delete = current.get().prepareStatement("delete from subscription where id = ?")) {
            delete.setObject(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete subscription " + id, e);
        }
    }

    public Optional<Stored> find(UUID id) {
        return query(COLUMNS + " where id = ?", id).stream().findFirst();
    }

    /** Those row-level security lets the transaction see: a partner's own, or every one for the platform. */
    public List<Stored> visible(int offset, int limit) {
        return query(COLUMNS + " order by created_at, id offset ? limit ?", offset, limit);
    }

    public List<Stored> activeWebhooks() {
        return query(COLUMNS + " where status = 'ACTIVE' and webhook_url is not null");
    }

    private List<Stored> query(String sql, Object... values) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<Stored> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<EventTypePattern> types = Arrays.stream((String[]) rs.getArray(3).getArray())
                            .map(EventTypePattern::new).toList();
                    Set<UUID> regions = new LinkedHashSet<>(EventLog.uuids(rs.getArray(4)));
                    Set<String> areas = new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray(5).getArray()));
                    String url = rs.getString(6);
                    Subscription subscription = new Subscription(rs.getObject(1, UUID.class), rs.getString(2), types,
                            regions, areas, url == null ? null : new WebhookUrl(URI.create(url)),
                            Subscription.Status.valueOf(rs.getString(7)));
                    OffsetDateTime until = rs.getObject(12, OffsetDateTime.class);
                    found.add(new Stored(subscription, Optional.ofNullable(rs.getObject(8, UUID.class)),
                            Optional.ofNullable(rs.getObject(9, UUID.class)), rs.getString(10), rs.getString(11),
                            until == null ? null : until.toInstant(), rs.getObject(13, OffsetDateTime.class).toInstant(),
                            rs.getString(14), rs.getLong(15)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read subscriptions", e);
        }
    }

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
