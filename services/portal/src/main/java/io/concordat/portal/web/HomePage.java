package io.concordat.portal.web;

import io.concordat.portal.services.ServiceCalls;
import io.concordat.portal.services.ServiceRefusal;
import io.concordat.portal.signin.PortalSession;
import io.concordat.portal.signin.PortalSessions;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The start page for a visitor; for a signed-in person, their council: its opportunities by
 * stage, its vacancies and their matches, decisions waiting, arrangements and regions.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
public class HomePage {

    private final Pages pages;
    private final PortalSessions sessions;
    private final ServiceCalls services;

    public HomePage(Pages pages, PortalSessions sessions, ServiceCalls services) {
        this.pages = pages;
        this.sessions = sessions;
        this.services = services;
    }

    @Get
    public ModelAndView<Map<String, Object>> home(HttpRequest<?> request) {
        Optional<PortalSession> signedIn = sessions.of(request);
        if (signedIn.isEmpty()) {
            return pages.page(request, "start", Map.of());
        }
        PortalSession s = signedIn.get();
        Map<String, Object> model = new LinkedHashMap<>();
        if (s.authorityId() != null) {
            List<Map<String, Object>> own = content(visible(() -> services.get(s,
                    "/api/v1/opportunities?size=100&authority=" + s.authorityId())));
            Map<String, List<Map<String, Object>>> byStage = new LinkedHashMap<>();
            for (Map<String, Object> o : own) {
                byStage.computeIfAbsent(String.valueOf(o.get("stage")), k -> new java.util.ArrayList<>()).add(o);
            }
            model.put("byStage", byStage);
            model.put("regions", visible(() -> services.list(s, "/api/v1/tenants/regions?authorityId=" + s.authorityId()))
                    .orElse(List.of()));
        }
        model.put("matches", visible(() -> services.list(s, "/api/v1/opportunities/vacancies/matches")).orElse(List.of()));
        model.put("waiting", content(visible(() -> services.get(s, "/api/v1/opportunities?size=100&stage=BOARD_RECOMMENDATION"))));
        model.put("arrangements", visible(() -> services.list(s, "/api/v1/hosting/arrangements")).orElse(List.of()));
        return pages.page(request, "home", model);
    }

    /** What the user's roles let them see; a list their roles do not open is not shown. */
    static <T> Optional<T> visible(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        } catch (ServiceRefusal refused) {
            if (refused.status() == 403) {
                return Optional.empty();
            }
            throw refused;
        }
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> content(Optional<Map<String, Object>> page) {
        return page.map(p -> (List<Map<String, Object>>) p.getOrDefault("content", List.of())).orElse(List.of());
    }
}
