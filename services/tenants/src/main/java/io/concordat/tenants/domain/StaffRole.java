package io.concordat.tenants.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A role a person may be given through the platform, and who may give it. A council's admin gives
 * its own staff the council's roles; a region admin gives region-admin and regional-viewer to staff
 * of the region's member councils; the platform gives any of them. Nobody gives a role above their
 * own, and platform-admin and partner-system are never given here (platform staff are made in the
 * realm, partner systems are clients).
 */
public enum StaffRole {
    AUTHORITY_OFFICER("authority-officer", Set.of(Granter.PLATFORM, Granter.COUNCIL_ADMIN)),
    AUTHORITY_ADMIN("authority-admin", Set.of(Granter.PLATFORM, Granter.COUNCIL_ADMIN)),
    BOARD_MEMBER("board-member", Set.of(Granter.PLATFORM, Granter.COUNCIL_ADMIN)),
    REGIONAL_VIEWER("regional-viewer", Set.of(Granter.PLATFORM, Granter.COUNCIL_ADMIN, Granter.REGION_ADMIN)),
    REGION_ADMIN("region-admin", Set.of(Granter.PLATFORM, Granter.REGION_ADMIN));

    /** What the caller is, for the person concerned. */
    public enum Granter {
        PLATFORM,
        /** An authority admin of the person's own council. */
        COUNCIL_ADMIN,
        /** A region admin whose council and the person's council are both current members of the region named. */
        REGION_ADMIN
    }

    private static final List<String> NEVER_GRANTED = List.of("platform-admin", "partner-system");

    private final String roleName;
    private final Set<Granter> grantedBy;

    StaffRole(String roleName, Set<Granter> grantedBy) {
        this.roleName = roleName;
        this.grantedBy = grantedBy;
    }

    /** The realm role's name. */
    public String roleName() {
        return roleName;
    }

    /**
     * @throws InvalidRegistrationException for a name that is no role ({@code unknown-role})
     * @throws TenantRuleException          for a role that is never given through the platform ({@code role-not-grantable})
     */
    public static StaffRole named(String name) {
        if (name != null && NEVER_GRANTED.contains(name)) {
            throw new TenantRuleException(TenantRuleException.Refusal.NOT_ALLOWED, "role-not-grantable", "The " + name
                    + " role is not given through the platform.", List.of());
        }
        return Arrays.stream(values()).filter(r -> r.roleName.equals(name)).findFirst()
                .orElseThrow(() -> new TenantRuleException(TenantRuleException.Refusal.INVALID, "unknown-role",
                        "'" + name + "' is not a role; the roles given here are " + names() + ".", names()));
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(StaffRole::roleName).toList();
    }

    /** The roles a council's admin may give its own people. */
    public static List<String> councilRoles() {
        return Arrays.stream(values()).filter(r -> r.grantedBy.contains(Granter.COUNCIL_ADMIN)).map(StaffRole::roleName).toList();
    }

    /**
     * @param caller what the caller is for the person concerned (empty: nothing)
     * @throws TenantRuleException {@code role-above-your-own} (403) when none of it may give this role
     */
    public StaffRole requireGrantableBy(Set<Granter> caller) {
        if (caller.stream().noneMatch(grantedBy::contains)) {
            throw new TenantRuleException(TenantRuleException.Refusal.NOT_ALLOWED, "role-above-your-own",
                    "You may not give or take the " + roleName + " role"
                            + (this == REGION_ADMIN ? ": only a region admin of the region or the platform may." : "."),
                    List.of());
        }
        return this;
    }

    /**
     * Whether holding it asks for a second factor at sign-in where the deployment requires one for
     * admins: the council's and the region's admins manage other people's access.
     */
    public boolean asksSecondFactor() {
        return this == AUTHORITY_ADMIN || this == REGION_ADMIN;
    }

    /** Whether a region admin gives it for a region (and so the region must be named when one does). */
    public boolean regional() {
        return grantedBy.contains(Granter.REGION_ADMIN);
    }
}
