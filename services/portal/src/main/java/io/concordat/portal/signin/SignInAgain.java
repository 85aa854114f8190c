package io.concordat.portal.signin;

/** The session's tokens can no longer be refreshed (Keycloak ended the session): sign in again. */
public class SignInAgain extends RuntimeException {

    public SignInAgain(String message) {
        super(message);
    }
}
