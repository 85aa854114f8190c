package io.concordat.portal.web;

import io.concordat.portal.signin.PortalSession;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/**
 * Every form carries its session's CSRF token (a synchronizer token, the OWASP-recommended
 * pattern): a post without it, or with another session's, is refused before anything is sent on.
 */
@Singleton
public class Forms {

    public static final String CSRF_FIELD = "csrfToken";

    private final Pages pages;

    public Forms(Pages pages) {
        this.pages = pages;
    }

    public PortalSession verified(HttpRequest<?> request, Map<String, String> form) {
        PortalSession session = pages.session(request);
        String sent = form == null ? null : form.get(CSRF_FIELD);
        if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new CsrfRefused();
        }
        return session;
    }

    /** A form posted without its session's token. */
    public static class CsrfRefused extends RuntimeException {
        CsrfRefused() {
            super("the form's CSRF token is missing or wrong");
        }
    }
}
