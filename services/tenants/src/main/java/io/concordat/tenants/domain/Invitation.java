package io.concordat.tenants.domain;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A person a council invites to sign in for it, with the council's roles they start with
 * (authority-officer when none are named).
 */
public record Invitation(String email, String firstName, String lastName, List<StaffRole> roles) {

    /**
     * @throws TenantRuleException when the email is malformed, a name is missing or a role is unknown
     */
    public static Invitation of(String email, String firstName, String lastName, List<String> roles) {
        FirstAdmin person = FirstAdmin.of(email, firstName, lastName);
        LinkedHashSet<StaffRole> chosen = new LinkedHashSet<>();
        (roles == null || roles.isEmpty() ? List.of(StaffRole.AUTHORITY_OFFICER.roleName()) : roles)
                .forEach(name -> chosen.add(StaffRole.named(name)));
        return new Invitation(person.email(), person.firstName(), person.lastName(), List.copyOf(chosen));
    }

    public List<String> roleNames() {
        return roles.stream().map(StaffRole::roleName).toList();
    }
}
