package io.concordat.tenants.api;

import io.concordat.tenants.store.AuthorityRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An authority as the API shows it. */
@Serdeable
public record AuthorityView(UUID id, String name, String kind, @Nullable String gssCode, List<String> emailDomains,
                            Instant registeredAt) {

    static AuthorityView of(AuthorityRow row) {
        return new AuthorityView(row.id(), row.name(), row.kind(), row.gssCode(), List.of(row.emailDomains()),
                row.registeredAt());
    }
}
