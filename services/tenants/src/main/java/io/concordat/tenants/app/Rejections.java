package io.concordat.tenants.app;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityRejected;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.AuthorityStatus;
import io.concordat.tenants.domain.LifecycleException;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.concordat.tenants.store.Rejection;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The platform turning down a pending registration (spam, a body that is not public, a duplicate):
 * the record stays, with the reason, and never becomes a tenant; the identifiers it claimed are
 * freed for a genuine registration.
 */
@Singleton
public class Rejections {

    private final TenantTransactions transactions;
    private final AuthorityRepository authorities;
    private final EventPublisher events;

    public Rejections(TenantTransactions transactions, AuthorityRepository authorities, EventPublisher events) {
        this.transactions = transactions;
        this.authorities = authorities;
        this.events = events;
    }

    /** A rejected registration as recorded. */
    public record Rejected(AuthorityRow authority, Rejection rejection) {
    }

    public Rejected reject(Caller caller, UUID id, String reason) {
        return transactions.write(caller, connection -> {
            AuthorityRow row = find(id);
            try {
                AuthorityStatus.valueOf(row.status()).reject();
            } catch (LifecycleException e) {
                throw new ProblemException(HttpStatus.CONFLICT, e.rule(), "Conflicts with the current state",
                        e.getMessage(), Map.of("allowed", e.allowed()));
            }
            Instant now = Instant.now();
            authorities.reject(id, reason, caller.subject(), now);
            events.publish(EventTypes.AUTHORITY_REJECTED, id.toString(), id, List.of(),
                    new AuthorityRejected(id, reason, caller.subject(), now));
            return new Rejected(find(id), authorities.findRejection(id).orElseThrow());
        });
    }

    private AuthorityRow find(UUID id) {
        return authorities.findById(id).orElseThrow(() -> ProblemException.notFound("authority-not-found",
                "No authority " + id + "."));
    }
}
