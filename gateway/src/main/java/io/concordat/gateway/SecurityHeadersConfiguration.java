package io.concordat.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;
import java.util.Optional;

/**
 * What {@link SecurityHeaders} sends. The defaults suit the portal: pages rendered on the server
 * with GOV.UK Frontend, whose scripts, styles, fonts and images are served from the platform
 * itself, and no inline script or style (GOV.UK Frontend's "js-enabled" snippet goes in a file).
 */
@ConfigurationProperties("concordat.gateway.security-headers")
public class SecurityHeadersConfiguration {

    /** Only the platform's own resources; no inline code, plugins, framing or foreign form targets. */
    static final String PORTAL_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /**
     * The API documents' page ({@code /api/docs}, Swagger UI) only: the portal's policy, except that
     * images may also be {@code data:} URLs, which is how Swagger UI's style sheet draws its icons
     * (arrows, lock, copy). Its inline styles are set through the DOM's style properties, which a
     * policy does not govern, so {@code style-src} stays {@code 'self'}; it runs no inline or
     * evaluated script. {@code ApiDocsIT} opens the page in a browser and finds no refusal.
     */
    static final String API_DOCS_POLICY = PORTAL_POLICY.replace("img-src 'self';", "img-src 'self' data:;");

    private String contentSecurityPolicy = PORTAL_POLICY;
    private String apiDocsContentSecurityPolicy = API_DOCS_POLICY;
    // not "no-referrer": with it a browser sends "Origin: null" on the portal's own form posts, which
    // the gateway's origin check refuses; "same-origin" still tells other sites nothing
    private String referrerPolicy = "same-origin";
    private boolean hstsEnabled = true;
    private Duration hstsMaxAge = Duration.ofDays(365);
    private boolean hstsIncludeSubdomains = true;

    public String getContentSecurityPolicy() {
        return contentSecurityPolicy;
    }

    public void setContentSecurityPolicy(String contentSecurityPolicy) {
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    public String getApiDocsContentSecurityPolicy() {
        return apiDocsContentSecurityPolicy;
    }

    public void setApiDocsContentSecurityPolicy(String apiDocsContentSecurityPolicy) {
        this.apiDocsContentSecurityPolicy = apiDocsContentSecurityPolicy;
    }

    public String getReferrerPolicy() {
        return referrerPolicy;
    }

    public void setReferrerPolicy(String referrerPolicy) {
        this.referrerPolicy = referrerPolicy;
    }

    /** Strict-Transport-Security: on wherever the platform is served over HTTPS; off in the devstack (plain HTTP on 127.0.0.1). */
    public boolean isHstsEnabled() {
        return hstsEnabled;
    }

    public void setHstsEnabled(boolean hstsEnabled) {
        this.hstsEnabled = hstsEnabled;
    }

    public Duration getHstsMaxAge() {
        return hstsMaxAge;
    }

    public void setHstsMaxAge(Duration hstsMaxAge) {
        this.hstsMaxAge = hstsMaxAge;
    }

    public boolean isHstsIncludeSubdomains() {
        return hstsIncludeSubdomains;
    }

    public void setHstsIncludeSubdomains(boolean hstsIncludeSubdomains) {
        this.hstsIncludeSubdomains = hstsIncludeSubdomains;
    }

    Optional<String> strictTransportSecurity() {
        if (!hstsEnabled) {
            return Optional.empty();
        }
        return Optional.of("max-age=" + hstsMaxAge.toSeconds() + (hstsIncludeSubdomains ? "; includeSubDomains" : ""));
    }
}
