package io.concordat.tenants;

import io.concordat.tenants.provisioning.KeycloakStaffDirectory;
import io.concordat.tenants.provisioning.ProvisioningException;
import io.concordat.tenants.provisioning.StaffDirectory;
import io.micronaut.context.annotation.Replaces;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for Keycloak's accounts, organization memberships and realm roles in the tenants
 * service's own tests (the end-to-end test uses the real one); its {@link #snapshot()} shows
 * whether a refused request changed anything.
 */
@Singleton
@Replaces(KeycloakStaffDirectory.class)
class RecordingStaffDirectory implements StaffDirectory {

    record Account(String id, String email, String firstName, String lastName, boolean enabled, Set<String> roles,
                   Set<String> organizations, int signOuts) {
    }

    final Map<String, Account> accounts = new ConcurrentHashMap<>();
    /** The accounts asked to set up a second factor. */
    final Set<String> askedForSecondFactor = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized Invited invite(String organizationId, UUID authorityId, String email, String firstName,
                                       String lastName, List<String> roles, boolean mayJoinSecond,
                                       boolean secondFactor) {
        Optional<Account> existing = accounts.values().stream().filter(a -> a.email().equals(email)).findFirst();
        if (existing.isPresent() && (existing.get().organizations().contains(organizationId) || !mayJoinSecond)) {
            throw new ProvisioningException(email + " already signs in (test)", null,
                    ProvisioningException.Failure.ALREADY_INVITED);
        }
        Account account = existing.orElse(new Account(UUID.randomUUID().toString(), email, firstName, lastName, true,
                new TreeSet<>(), new TreeSet<>(), 0));
        account.roles().addAll(roles);
        account.organizations().add(organizationId);
        accounts.put(account.id(), account);
        if (secondFactor) {
            askedForSecondFactor.add(account.id());
        }
        return new Invited(person(account), Optional.of("first-password"));
    }

    @Override
    public List<Person> people(String organizationId) {
        return accounts.values().stream().filter(a -> a.organizations().contains(organizationId)).map(this::person)
                .sorted(Comparator.comparing(Person::username)).toList();
    }

    @Override
    public Optional<Person> member(String organizationId, String userId) {
        return Optional.ofNullable(accounts.get(userId)).filter(a -> a.organizations().contains(organizationId))
                .map(this::person);
    }

    @Override
    public int organizationsOf(String userId) {
        return accounts.get(userId).organizations().size();
    }

    @Override
    public synchronized void grant(String userId, String role, boolean secondFactor) {
        accounts.get(userId).roles().add(role);
        if (secondFactor) {
            askedForSecondFactor.add(userId);
        }
    }

    @Override
    public synchronized void revoke(String userId, String role) {
        accounts.get(userId).roles().remove(role);
    }

    @Override
    public synchronized void remove(String organizationId, UUID authorityId, String userId, List<String> roles) {
        Account account = accounts.get(userId);
        account.organizations().remove(organizationId);
        boolean leavesEverything = account.organizations().isEmpty();
        if (leavesEverything) {
            account.roles().removeAll(roles);
        }
        accounts.put(userId, new Account(account.id(), account.email(), account.firstName(), account.lastName(),
                account.enabled() && !leavesEverything, account.roles(), account.organizations(), account.signOuts() + 1));
    }

    /** Every account as it stands, to compare before and after a refused request. */
    synchronized String snapshot() {
        List<String> lines = new ArrayList<>();
        accounts.values().stream().sorted(Comparator.comparing(Account::id))
                .forEach(a -> lines.add(a.id() + a.email() + a.enabled() + a.roles() + a.organizations() + a.signOuts()
                        + askedForSecondFactor.contains(a.id())));
        return String.join("\n", lines);
    }

    private Person person(Account account) {
        return new Person(account.id(), account.email(), account.email(), account.firstName(), account.lastName(),
                account.enabled(), List.copyOf(account.roles()));
    }
}
