package io.concordat.partnerevents.app;

import io.concordat.kit.directory.RegionMemberships;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.concordat.partnerevents.domain.PartnerRuleException.Refusal;
import io.concordat.partnerevents.store.Partners;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * An authority admin registers its council's partner systems; a region admin registers a
 * region's hub, for a region its authority belongs to. Each becomes a client in the identity
 * provider; its secret is shown once, and can be rotated, and the partner disabled.
 */
@Singleton
public class PartnerRegistration {

    /** A partner as registered, with its client secret (shown this once). */
    public record Registered(Partners.Partner partner, String clientSecret) {
    }

    private final TenantTransactions transactions;
    private final PartnerTransactions partnerTransactions;
    private final Partners partners;
    private final PartnerClients clients;
    private final RegionMemberships regions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public PartnerRegistration(TenantTransactions transactions, PartnerTransactions partnerTransactions, Partners partners,
                               PartnerClients clients, RegionMemberships regions, Clock clock) {
        this.transactions = transactions;
        this.partnerTransactions = partnerTransactions;
        this.partners = partners;
        this.clients = clients;
        this.regions = regions;
        this.clock = clock;
    }

    public Registered register(Caller admin, String name, UUID regionId) {
        UUID authority = admin.requireAuthority();
        if (name == null || name.isBlank() || name.length() > 120) {
            throw PartnerRuleException.invalid("partner-name", "A partner system has a name of 1 to 120 characters.");
        }
        if (regionId == null && !admin.hasRole(Roles.AUTHORITY_ADMIN)) {
            throw new PartnerRuleException(Refusal.NOT_YOURS, "authority-admin-only",
                    "Only an authority admin registers a council's partner system.");
        }
        if (regionId != null) {
            boolean member = transactions.read(admin, c -> regions.isMember(authority, regionId));
            if (!admin.hasRole(Roles.REGION_ADMIN) || !member) {
                throw new PartnerRuleException(Refusal.NOT_YOURS, "region-admin-only",
                        "Only a region admin whose authority is a member registers the region's hub.");
            }
        }
        String clientId = "partner-" + slug(name) + "-" + HexFormat.of().formatHex(randomBytes());
        UUID forAuthority = regionId == null ? authority : null;
        PartnerClients.Registered client = clients.register(clientId, name.strip(), forAuthority, regionId);
        Partners.Partner partner = new Partners.Partner(clientId, name.strip(), forAuthority, regionId, authority,
                client.clientUuid(), true, admin.username(), clock.instant());
        transactions.write(admin, c -> {
            partners.insert(partner);
            return null;
        });
        return new Registered(partner, client.secret());
    }

    public List<Partners.Partner> list(Caller admin, int offset, int limit) {
        admin.requireAuthority();
        return transactions.read(admin, c -> partners.visible(offset, limit));
    }

    public String rotateSecret(Caller admin, String id) {
        return clients.rotateSecret(own(admin, id).clientUuid());
    }

    public Partners.Partner disable(Caller admin, String id) {
        Partners.Partner partner = own(admin, id);
        clients.disable(partner.clientUuid());
        return transactions.write(admin, c -> {
            partners.disable(id);
            return partners.find(id).orElseThrow();
        });
    }

    /** The partner behind a token, refused when it was disabled (its earlier tokens are still signed). */
    public PartnerIdentity identify(Authentication authentication) {
        PartnerIdentity identity = PartnerIdentity.of(authentication);
        boolean disabled = partnerTransactions.asPartner(identity, c -> partners.find(identity.clientId())
                .map(p -> !p.enabled()).orElse(false));
        if (disabled) {
            throw new PartnerRuleException(Refusal.NOT_YOURS, "partner-disabled", "This partner system was disabled.");
        }
        return identity;
    }

    private Partners.Partner own(Caller admin, String id) {
        admin.requireAuthority();
        return transactions.read(admin, c -> partners.find(id)).orElseThrow(() -> new PartnerRuleException(
                Refusal.NOT_FOUND, "partner-not-found", "Your authority has no partner system " + id + "."));
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "system" : slug.substring(0, Math.min(40, slug.length()));
    }
}
