package io.concordat.kit.testing;

import io.concordat.kit.tenancy.Roles;

import java.util.UUID;

/** Council staff as the suites sign them in: one declaration instead of one per suite. */
public final class Councils {

    private Councils() {
    }

    /** A token of an officer of the council. */
    public static String officer(UUID authority) {
        return TestTokens.get().forAuthority(authority, Roles.AUTHORITY_OFFICER);
    }

    /** A token of an admin of the council, who is an officer too. */
    public static String admin(UUID authority) {
        return TestTokens.get().forAuthority(authority, Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER);
    }

    /** A token of a councillor the council sends to a region's board. */
    public static String councillor(UUID authority) {
        return TestTokens.get().forAuthority(authority, Roles.BOARD_MEMBER);
    }
}
