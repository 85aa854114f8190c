package io.concordat.opportunities.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.opportunities.store.KnownAuthorityRepository;
import io.concordat.opportunities.store.KnownAuthorityRow;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Keeps this service's copy of the registered authorities, from the tenants topic. */
@Singleton
public class AuthorityDirectory implements EventHandler {

    private final KnownAuthorityRepository authorities;
    private final EventCodec codec;

    public AuthorityDirectory(KnownAuthorityRepository authorities, JsonMapper json) {
        this.authorities = authorities;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.TENANTS);
    }

    @Override
    public void handle(EventEnvelope event) {
        if (EventTypes.AUTHORITY_REGISTERED.type().equals(event.type())) {
            AuthorityRegistered registered = codec.decode(event, EventTypes.AUTHORITY_REGISTERED);
            KnownAuthorityRow row = new KnownAuthorityRow(registered.authorityId(), registered.name(), registered.kind(),
                    registered.gssCode(), registered.registeredAt());
            if (authorities.existsById(row.id())) {
                authorities.update(row);
            } else {
                authorities.save(row);
            }
        }
    }
}
