package io.concordat.events.tenants.v1;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An authority's name or sign-in email domains changed; the record carries the new values. */
@Serdeable
public record AuthorityUpdated(UUID authorityId, String name, List<String> emailDomains, String updatedBy,
                               Instant updatedAt) {

    /** An absent list means an empty one: some writers leave empty lists out. */
    public AuthorityUpdated {
        emailDomains = emailDomains == null ? List.of() : List.copyOf(emailDomains);
    }
}
