package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The outcome of an approval.
 *
 * @param firstAdminUsername the first admin's sign-in name
 * @param initialPassword    their first password, only in deployments that reveal it (development);
 *                           elsewhere they are emailed a link to set one
 */
@Serdeable
public record ApprovalView(AuthorityView authority, String firstAdminUsername, @Nullable String initialPassword) {
}
