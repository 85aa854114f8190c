package io.concordat.portal.signin;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

/** The page a signed-out person asked for, kept in a short-lived cookie while they sign in. */
final class ReturnTo {

    static final String COOKIE = "concordat_return_to";

    private ReturnTo() {
    }

    static Cookie of(String path) {
        return Cookie.of(COOKIE, path).path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(600);
    }

    static Cookie cleared() {
        return Cookie.of(COOKIE, "").path("/").httpOnly(true).sameSite(SameSite.Lax).maxAge(0);
    }

    /** Only a path on this site: never another host (an open redirect), nor a scheme-relative "//host". */
    static boolean isLocalPath(String path) {
        return path != null && path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\")
                && path.length() <= 1000 && path.chars().noneMatch(c -> c < 0x21 || c == 0x7f);
    }
}
