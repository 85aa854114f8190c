package io.concordat.partnerevents.store;

import io.concordat.kit.store.CurrentConnection;
import io.micronaut.serde.annotation.Serdeable;
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

/** Partner systems registered through the API; row-level security shows each to its owner and itself. */
@Singleton
public class Partners {

    /** A registered partner system. */
    @Serdeable
    public record Partner(String id, String name, UUID authorityId, UUID regionId, UUID ownerId, String clientUuid,
                          boolean enabled, String registeredBy, Instant registeredAt) {
    }

    private static final String COLUMNS = """
            select id, name, authority_id, region_id, owner_id, client_uuid, enabled, registered_by, registered_at
            from partner""";

    private final CurrentConnection current;

    public Partners(CurrentConnection current) {
        this.current = current;
    }

    public void insert(Partner p) {
        update("""
                insert into partner (id, name, authority_id, region_id, owner_id, client_uuid, enabled, registered_by,
                                     registered_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                p.id(), p.name(), p.authorityId(), p.regionId(), p.ownerId(), p.clientUuid(), p.enabled(),
                p.registeredBy(), at(p.registeredAt()));
    }

    public void disable(String id) {
        update("update partner set enabled = false where id = ?", id);
    }

    public Optional<Partner> find(String id) {
        return query(COLUMNS + " where id = ?", id).stream().findFirst();
    }

    public List<Partner> visible(int offset, int limit) {
        return query(COLUMNS + " order by registered_at, id offset ? limit ?", offset, limit);
    }

    private List<Partner> query(String sql, Object... values) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            List<Partner> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(new Partner(rs.getString(1), rs.getString(2), rs.getObject(3, UUID.class),
                            rs.getObject(4, UUID.class), rs.getObject(5, UUID.class), rs.getString(6), rs.getBoolean(7),
                            rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read partners", e);
        }
    }

    private void update(String sql, Object... values) {
        try (PreparedStatement s = current.get().prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot change partners", e);
        }
    }
}
