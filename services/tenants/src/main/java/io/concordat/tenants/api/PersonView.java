package io.concordat.tenants.api;

import io.concordat.tenants.provisioning.StaffDirectory;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One of a council's people.
 *
 * @param userId  their id in the identity provider (the {@code sub} of their tokens)
 * @param enabled false once they can no longer sign in
 * @param roles   the platform's roles they hold
 */
@Serdeable
public record PersonView(String userId, String username, String email, String firstName, String lastName,
                         boolean enabled, List<String> roles) {

    static PersonView of(StaffDirectory.Person person) {
        return new PersonView(person.userId(), person.username(), person.email(), person.firstName(), person.lastName(),
                person.enabled(), person.roles());
    }
}
