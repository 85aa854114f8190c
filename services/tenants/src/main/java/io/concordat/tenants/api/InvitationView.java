package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The outcome of an invitation.
 *
 * @param initialPassword the person's first password, only in deployments that reveal it
 *                        (development); elsewhere they are emailed a link to set one
 */
@Serdeable
public record InvitationView(PersonView person, @Nullable String initialPassword) {
}
