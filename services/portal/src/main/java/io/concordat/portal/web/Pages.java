package io.concordat.portal.web;

import io.concordat.portal.services.ServiceCalls;
import io.concordat.portal.services.ServiceRefusal;
import io.concordat.portal.signin.PortalSession;
import io.concordat.portal.signin.PortalSessions;
import io.concordat.portal.signin.SignInAgain;
import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ViewsRenderer;
import io.micronaut.http.MediaType;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every page has: the signed-in person (name, council, roles, the form token) for the
 * header, and the message bundle every text comes from.
 */
@Singleton
public class Pages {

    private final PortalSessions sessions;
    private final ServiceCalls services;
    private final MessageSource messages;
    private final ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer;

    public Pages(PortalSessions sessions, ServiceCalls services, MessageSource messages,
                 ViewsRenderer<Map<String, Object>, HttpRequest<?>> renderer) {
        this.renderer = renderer;
        this.sessions = sessions;
        this.services = services;
        this.messages = messages;
    }

    /** The signed-in session, or a sign-in. */
    public PortalSession session(HttpRequest<?> request) {
        return sessions.of(request).orElseThrow(() -> new SignInAgain("no session"));
    }

    public ModelAndView<Map<String, Object>> page(HttpRequest<?> request, String view, Map<String, Object> model) {
        Map<String, Object> all = new HashMap<>(model);
        sessions.of(request).ifPresent(session -> all.put("user", user(session)));
        return new ModelAndView<>(view, all);
    }

    /**
     * An error page, rendered here rather than by the views filter: an error can come before any
     * route matched (a signed-out request to an address that does not exist).
     */
    public MutableHttpResponse<?> error(HttpRequest<?> request, HttpStatus status, String view) {
        ModelAndView<Map<String, Object>> page = page(request, view, Map.of());
        return HttpResponse.status(status).contentType(MediaType.TEXT_HTML_TYPE)
                .body(renderer.render(view, page.getModel().orElseThrow(), request));
    }

    public String text(String key, Object... args) {
        return messages.getMessage(key, Locale.UK, args).orElse(key);
    }

    private Map<String, Object> user(PortalSession session) {
        if (session.authorityId() != null && session.authorityName() == null) {
            try {
                Object name = services.get(session, "/api/v1/tenants/authorities/" + session.authorityId()).get("name");
                Sessions.name(session, name == null ? null : name.toString());
            } catch (ServiceRefusal unknown) {
                Sessions.name(session, text("header.council.unknown"));
            }
        }
        Map<String, Object> user = new HashMap<>();
        user.put("name", session.username());
        user.put("council", session.authorityName());
        user.put("authorityId", session.authorityId());
        user.put("roles", session.roles().stream().filter(r -> messages.getMessage("role." + r, Locale.UK).isPresent())
                .map(r -> text("role." + r)).toList());
        user.put("csrfToken", session.csrfToken());
        user.put("officer", session.isOfficer());
        user.put("councillor", session.isCouncillor());
        return user;
    }

    /** Reads the portal's messages bundle. */
    @Factory
    static class Bundle {
        @Singleton
        MessageSource messages() {
            return new ResourceBundleMessageSource("i18n.messages", Locale.UK);
        }
    }

    static List<String> none() {
        return List.of();
    }
}
