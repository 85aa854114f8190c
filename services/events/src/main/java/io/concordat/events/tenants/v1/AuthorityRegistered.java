package io.concordat.events.tenants.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An authority (a council or other public body) has been registered as a tenant.
 *
 * @param authorityId  the tenant's id
 * @param name         its official name, e.g. "Bromsgrove District Council"
 * @param kind         district, borough, county, unitary, ... as the tenants service names them
 * @param gssCode      the ONS GSS code where one exists, e.g. E07000234
 * @param emailDomains the email domains its staff sign in with
 * @param registeredAt when it was registered
 */
@Serdeable
public record AuthorityRegistered(
        UUID authorityId,
        String name,
        String kind,
        @Nullable String gssCode,
        List<String> emailDomains,
        Instant registeredAt) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public AuthorityRegistered {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }
}
