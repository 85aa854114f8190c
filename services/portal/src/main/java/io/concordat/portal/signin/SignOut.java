package io.concordat.portal.signin;

import io.concordat.portal.web.Forms;
import io.concordat.portal.web.Pages;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.server.util.HttpHostResolver;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Signing out ends the portal's session and then Keycloak's (its end-session endpoint, with the
 * ID token as the hint), which returns the browser to the "signed out" page.
 */
@Controller
public class SignOut {

    private final PortalSessions sessions;
    private final Forms forms;
    private final Pages pages;
    private final HttpHostResolver hosts;
    private final String endSession;
    private final String clientId;

    public SignOut(PortalSessions sessions, Forms forms, Pages pages, HttpHostResolver hosts,
                   @Value("${concordat.oidc.issuer}") String issuer,
                   @Value("${concordat.keycloak.client-id:concordat-portal}") String clientId) {
        this.clientId = clientId;
        this.sessions = sessions;
        this.forms = forms;
        this.pages = pages;
        this.hosts = hosts;
        this.endSession = issuer + "/protocol/openid-connect/logout";
    }

    @Post("/sign-out")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public MutableHttpResponse<?> signOut(HttpRequest<?> request, @Body Map<String, String> form) {
        PortalSession session = forms.verified(request, form);
        sessions.end(session);
        String back = hosts.resolve(request) + "/signed-out";
        URI keycloak = URI.create(endSession + "?client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                + URLEncoder.encode(back, StandardCharsets.UTF_8)
                + (session.idToken() == null ? "" : "&id_token_hint=" + URLEncoder.encode(session.idToken(), StandardCharsets.UTF_8)));
        return HttpResponse.seeOther(keycloak).cookie(sessions.cleared());
    }

    @Get("/signed-out")
    @Secured(SecurityRule.IS_ANONYMOUS)
    public ModelAndView<Map<String, Object>> signedOut(HttpRequest<?> request) {
        return pages.page(request, "signed-out", Map.of());
    }
}
