package io.concordat.portal.web;

import io.concordat.portal.services.ServiceCalls;
import io.concordat.portal.services.ServiceRefusal;
import io.concordat.portal.signin.PortalSession;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Vacancies across the user's regions, the councils that might share each of their own, and posting one. */
@Controller("/vacancies")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class VacancyPages {

    private final Pages pages;
    private final Forms forms;
    private final ServiceCalls services;

    public VacancyPages(Pages pages, Forms forms, ServiceCalls services) {
        this.pages = pages;
        this.forms = forms;
        this.services = services;
    }

    @Get
    public ModelAndView<Map<String, Object>> vacancies(HttpRequest<?> request) {
        PortalSession s = pages.session(request);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vacancies", services.list(s, "/api/v1/opportunities/vacancies"));
        m.put("matches", HomePage.visible(() -> services.list(s, "/api/v1/opportunities/vacancies/matches")).orElse(List.of()));
        return pages.page(request, "vacancies", m);
    }

    @Get("/new")
    @Secured({"authority-officer", "authority-admin"})
    public MutableHttpResponse<?> postForm(HttpRequest<?> request) {
        return formPage(request, Map.of(), Map.of());
    }

    @Post
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> post(HttpRequest<?> request, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        FormInput in = new FormInput(form, pages);
        String title = in.required("title", "vacancy.title.missing");
        String area = in.choice("serviceArea", Choices.AREAS, "vacancy.serviceArea.missing");
        String grade = in.required("grade", "vacancy.grade.missing");
        LocalDate closing = in.date("closingDate", "vacancy.closingDate.invalid");
        if (closing != null && closing.isBefore(LocalDate.now())) {
            in.error("closingDate-day", "vacancy.closingDate.past");
        }
        if (!in.valid()) {
            return formPage(request, in.values(), in.errors());
        }
        try {
            services.post(s, "/api/v1/opportunities/vacancies", Map.of("title", title, "serviceArea", area, "grade", grade,
                    "closingDate", closing.toString()));
            return HttpResponse.seeOther(URI.create("/vacancies"));
        } catch (ServiceRefusal refused) {
            if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            in.error("title", "error.service", refused.detail());
            return formPage(request, in.values(), in.errors());
        }
    }

    private MutableHttpResponse<?> formPage(HttpRequest<?> request, Map<String, ?> form, Map<String, String> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", form);
        m.put("errors", errors);
        m.put("areas", Choices.AREAS);
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST)
                .body(pages.page(request, "vacancy-new", m));
    }
}
