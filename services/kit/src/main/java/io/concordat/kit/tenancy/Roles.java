package io.concordat.kit.tenancy;

/** The realm roles a token carries; the realm file in infra/keycloak defines them. */
public final class Roles {

    public static final String AUTHORITY_OFFICER = "authority-officer";
    public static final String AUTHORITY_ADMIN = "authority-admin";
    public static final String BOARD_MEMBER = "board-member";
    public static final String REGIONAL_VIEWER = "regional-viewer";
    public static final String REGION_ADMIN = "region-admin";
    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String PARTNER_SYSTEM = "partner-system";

    private Roles() {
    }
}
