package io.concordat.opportunities.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.ArrangementTerminated;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Keeps which council hosts which shared service, from the hosting topic, for matching partners. */
@Singleton
public class HostedServices implements EventHandler {

    private final CurrentConnection connection;
    private final EventCodec codec;

    public HostedServices(CurrentConnection connection, JsonMapper json) {
        this.connection = connection;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.HOSTING);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        String type = event.type();
        if (EventTypes.ARRANGEMENT_AGREED.type().equals(type)) {
            ArrangementAgreed agreed = codec.decode(event, EventTypes.ARRANGEMENT_AGREED);
            Sql.update(connection.get(), """
                    insert into hosted_service (arrangement_id, host_authority_id, service_area, title, region_ids, active)
                    values (?, ?, ?, ?, ?, true) on conflict (arrangement_id) do nothing""",
                    agreed.arrangementId(), agreed.hostAuthorityId(), agreed.serviceArea(), agreed.title(),
                    uuids(agreed.regionIds()));
        } else if (EventTypes.HOST_TRANSFERRED.type().equals(type)) {
            HostTransferred transferred = codec.decode(event, EventTypes.HOST_TRANSFERRED);
            Sql.update(connection.get(), "update hosted_service set host_authority_id = ? where arrangement_id = ?",
                    transferred.toAuthorityId(), transferred.arrangementId());
        } else if (EventTypes.ARRANGEMENT_TERMINATED.type().equals(type)) {
            ArrangementTerminated ended = codec.decode(event, EventTypes.ARRANGEMENT_TERMINATED);
            Sql.update(connection.get(), "update hosted_service set active = false where arrangement_id = ?",
                    ended.arrangementId());
        }
    }

    private java.sql.Array uuids(java.util.List<java.util.UUID> ids) {
        try {
            return connection.get().createArrayOf("uuid", ids.toArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
