package io.concordat.opportunities.messaging;

import io.concordat.events.EventTypes;
import io.concordat.events.hosting.v1.ArrangementAgreed;
import io.concordat.events.hosting.v1.ArrangementTerminated;
import io.concordat.events.hosting.v1.HostTransferred;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.kit.store.CurrentConnection;
import io.concordat.kit.store.Sql;
import jakarta.inject.Singleton;


/** Keeps which council hosts which shared service, from the hosting topic, for matching partners. */
@Singleton
public class HostedServices implements EventSubscriber {

    private final CurrentConnection connection;

    public HostedServices(CurrentConnection connection) {
        this.connection = connection;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.ARRANGEMENT_AGREED, (agreed, event) -> {
            Sql.update(connection.get(), """
                    insert into hosted_service (arrangement_id, host_authority_id, service_area, title, region_ids, active)
                    values (?, ?, ?, ?, ?, true) on conflict (arrangement_id) do nothing""",
                    agreed.arrangementId(), agreed.hostAuthorityId(), agreed.serviceArea(), agreed.title(),
                    uuids(agreed.regionIds()));
        });
        on.event(EventTypes.HOST_TRANSFERRED, (transferred, event) -> {
            Sql.update(connection.get(), "update hosted_service set host_authority_id = ? where arrangement_id = ?",
                    transferred.toAuthorityId(), transferred.arrangementId());
        });
        on.event(EventTypes.ARRANGEMENT_TERMINATED, (ended, event) -> {
            Sql.update(connection.get(), "update hosted_service set active = false where arrangement_id = ?",
                    ended.arrangementId());
        });
    }

    private java.sql.Array uuids(java.util.List<java.util.UUID> ids) {
        try {
            return connection.get().createArrayOf("uuid", ids.toArray());
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
