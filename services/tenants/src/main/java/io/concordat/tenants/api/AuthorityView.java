package io.concordat.tenants.api;

import io.concordat.tenants.store.AuthorityRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An authority as the API shows it. The first admin's contact is shown only to the platform and
 * to the authority's own admins.
 *
 * @param status PENDING, APPROVED or SUSPENDED
 */
@Serdeable
public record AuthorityView(UUID id, String name, String kind, @Nullable String gssCode, List<String> emailDomains,
                            String status, Instant registeredAt, @Nullable Instant approvedAt,
                            @Nullable Contact firstAdmin) {

    /** A person's contact. */
    @Serdeable
    public record Contact(String name, String email) {
    }

    static AuthorityView of(AuthorityRow row, boolean privileged) {
        Contact admin = privileged && row.firstAdminEmail() != null
                ? new Contact(row.firstAdminFirstName() + " " + row.firstAdminLastName(), row.firstAdminEmail()) : null;
        return new AuthorityView(row.id(), row.name(), row.kind(), row.gssCode(), List.of(row.emailDomains()),
                row.status(), row.registeredAt(), row.approvedAt(), admin);
    }
}
