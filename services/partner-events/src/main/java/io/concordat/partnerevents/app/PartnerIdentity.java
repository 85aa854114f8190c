package io.concordat.partnerevents.app;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.micronaut.security.authentication.Authentication;

import java.util.Optional;
import java.util.UUID;

/**
 * A partner system as its client-credentials token says: its client id ({@code azp}) and the
 * authority (or, for a region's hub, the region) it acts for.
 */
public record PartnerIdentity(String clientId, Optional<UUID> authorityId, Optional<UUID> regionId) {

    public static final String REGION_CLAIM = "region_id";
    private static final String SERVICE_ACCOUNT = "service-account-";

    public static PartnerIdentity of(Authentication authentication) {
        if (!authentication.getRoles().contains(Roles.PARTNER_SYSTEM)) {
            throw new PartnerRuleException(PartnerRuleException.Refusal.NOT_YOURS, "partner-system-only",
                    "Only a partner system's token (client credentials, role partner-system) may use this.");
        }
        Caller caller = Caller.of(authentication);
        Object azp = authentication.getAttributes().get("azp");
        String clientId = azp != null ? azp.toString()
                : caller.username().startsWith(SERVICE_ACCOUNT) ? caller.username().substring(SERVICE_ACCOUNT.length())
                : null;
        Optional<UUID> region = Optional.ofNullable(authentication.getAttributes().get(REGION_CLAIM))
                .map(Object::toString).map(PartnerIdentity::uuid);
        if (clientId == null || caller.authorityId().isPresent() == region.isPresent()) {
            throw new PartnerRuleException(PartnerRuleException.Refusal.NOT_YOURS, "partner-system-only",
                    "A partner system's token names its client and either its authority or its region.");
        }
        return new PartnerIdentity(clientId, caller.authorityId(), region);
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PartnerRuleException(PartnerRuleException.Refusal.NOT_YOURS, "partner-system-only",
                    "The token's region_id is not a region id.");
        }
    }
}
