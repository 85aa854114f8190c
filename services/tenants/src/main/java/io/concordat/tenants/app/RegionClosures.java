package io.concordat.tenants.app;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.RegionClosed;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.domain.LifecycleException;
import io.concordat.tenants.domain.RegionClosure;
import io.concordat.tenants.store.Closing;
import io.concordat.tenants.store.RegionClosureAgreementRepository;
import io.concordat.tenants.store.RegionMemberRepository;
import io.concordat.tenants.store.RegionMemberRow;
import io.concordat.tenants.store.RegionRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Closing a region: by the platform at once, or by its members together (see {@link RegionClosure}).
 * A closed region keeps its memberships and what was shared with it; RegionClosed tells every
 * service, whose copies then refuse anything new shared with it.
 */
@Singleton
public class RegionClosures {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final TenantTransactions transactions;
    private final RegionRepository regions;
    private final RegionMemberRepository members;
    private final RegionClosureAgreementRepository agreements;
    private final EventPublisher events;

    public RegionClosures(TenantTransactions transactions, RegionRepository regions, RegionMemberRepository members,
                          RegionClosureAgreementRepository agreements, EventPublisher events) {
        this.transactions = transactions;
        this.regions = regions;
        this.members = members;
        this.agreements = agreements;
        this.events = events;
    }

    /** Where closing the region stands: who has agreed, who is awaited, and the closing once it happened. */
    public record Standing(UUID regionId, Optional<Closing> closing, Set<UUID> agreed,
                           Set<UUID> awaiting) {
    }

    /** The platform closes the region; a member's region admin agrees for its authority, closing it when all have. */
    public Standing close(Caller caller, UUID regionId, String reason) {
        return transactions.write(caller, connection -> {
            requireOpen(regionId);
            Instant now = Instant.now();
            boolean closes;
            if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
                closes = true;
            } else {
                UUID authority = caller.requireAuthority();
                RegionClosure closure;
                try {
                    closure = closure(regionId).agreedBy(authority);
                } catch (LifecycleException e) {
                    throw ProblemException.forbidden("not-region-admin",
                            "Only a region admin of a member authority, or the platform, may close the region.");
                }
                agreements.agree(regionId, authority, caller.subject(), now, reason);
                closes = closure.closes();
            }
            if (closes) {
                LocalDate today = LocalDate.ofInstant(now, UK);
                regions.close(regionId, today, reason, caller.subject(), now);
                events.publish(EventTypes.REGION_CLOSED, regionId.toString(), EventEnvelope.PLATFORM, List.of(regionId),
                        new RegionClosed(regionId, reason, today, caller.subject(), now));
            }
            return standing(regionId);
        });
    }

    public Standing standing(Caller caller, UUID regionId) {
        return transactions.read(caller, connection -> {
            find(regionId);
            return standing(regionId);
        });
    }

    /**
     * Refuses a change to a closed region (a request to join, an approval). Call inside a transaction.
     *
     * @throws ProblemException 404 when there is no such region, 409 when it is closed
     */
    public void requireOpen(UUID regionId) {
        find(regionId);
        regions.findClosing(regionId).ifPresent(closing -> {
            throw ProblemException.conflict("region-closed", "The region was closed on " + closing.closedOn()
                    + ": " + closing.reason());
        });
    }

    private Standing standing(UUID regionId) {
        RegionClosure closure = closure(regionId);
        Optional<Closing> closing = regions.findClosing(regionId);
        return new Standing(regionId, closing, closure.agreed(), closing.isPresent() ? Set.of() : closure.awaiting());
    }

    private RegionClosure closure(UUID regionId) {
        Set<UUID> current = members.findByRegionId(regionId).stream().filter(m -> m.leftOn() == null)
                .map(RegionMemberRow::authorityId).collect(Collectors.toSet());
        Set<UUID> agreed = agreements.findAgreedAuthorities(regionId).stream().filter(current::contains).collect(Collectors.toSet());
        return new RegionClosure(current, agreed);
    }

    private void find(UUID regionId) {
        regions.findById(regionId).orElseThrow(() -> ProblemException.notFound("region-not-found", "No region " + regionId + "."));
    }
}
