package io.concordat.portal.web;

import io.concordat.portal.services.ServiceCalls;
import io.concordat.portal.services.ServiceRefusal;
import io.concordat.portal.signin.PortalSession;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opportunities: the search, one opportunity's page, and the question pages that move it from
 * idea to decision. Each form is checked here for what a person can get wrong (so the error
 * summary can say so in words), then sent to the opportunities service with the user's token;
 * the service's own refusal is shown the same way.
 */
@Controller("/opportunities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OpportunityPages {

    private static final String API = "/api/v1/opportunities";
    private static final int PAGE_SIZE = 20;

    private final Pages pages;
    private final Forms forms;
    private final ServiceCalls services;

    public OpportunityPages(Pages pages, Forms forms, ServiceCalls services) {
        this.pages = pages;
        this.forms = forms;
        this.services = services;
    }

    @Get
    public ModelAndView<Map<String, Object>> search(HttpRequest<?> request, @Nullable @QueryValue String stage,
                                                    @Nullable @QueryValue String area, @Nullable @QueryValue String model,
                                                    @Nullable @QueryValue String horizon, @Nullable @QueryValue String region,
                                                    @Nullable @QueryValue String q, @Nullable @QueryValue Integer page) {
        PortalSession s = pages.session(request);
        Map<String, String> filters = new LinkedHashMap<>();
        put(filters, "stage", chosen(Choices.STAGES, stage));
        put(filters, "theme", chosen(Choices.AREAS, area));
        put(filters, "model", chosen(Choices.MODELS, model));
        put(filters, "horizon", chosen(Choices.HORIZONS, horizon));
        put(filters, "region", isUuid(region) ? region : null);
        put(filters, "q", q == null || q.isBlank() ? null : q.strip());
        int p = page == null || page < 0 ? 0 : page;
        String query = filters.entrySet().stream().map(e -> e.getKey() + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        Map<String, Object> found = services.get(s, API + "?size=" + PAGE_SIZE + "&page=" + p + (query.isEmpty() ? "" : "&" + query));
        long total = ((Number) found.getOrDefault("totalSize", 0)).longValue();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String filterQuery = query.replace("theme=", "area=");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("results", found.get("content"));
        m.put("total", total);
        m.put("page", p);
        m.put("pages", pages);
        m.put("previous", p > 0 ? "/opportunities?" + filterQuery + (filterQuery.isEmpty() ? "" : "&") + "page=" + (p - 1) : null);
        m.put("next", p + 1 < pages ? "/opportunities?" + filterQuery + (filterQuery.isEmpty() ? "" : "&") + "page=" + (p + 1) : null);
        m.put("f", Map.of("stage", nz(stage), "area", nz(area), "model", nz(model), "horizon", nz(horizon),
                "region", nz(region), "q", nz(q)));
        m.put("regions", regions(s));
        choices(m);
        return this.pages.page(request, "opportunities", m);
    }

    @Get("/{id}")
    public ModelAndView<Map<String, Object>> opportunity(HttpRequest<?> request, @PathVariable String id) {
        PortalSession s = pages.session(request);
        Map<String, Object> detail = detail(s, id);
        Map<String, Object> m = new LinkedHashMap<>(detail);
        @SuppressWarnings("unchecked")
        Map<String, Object> o = (Map<String, Object>) detail.get("opportunity");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> participants = (List<Map<String, Object>>) detail.get("participants");
        Map<String, String> names = participants.stream().collect(Collectors.toMap(
                p -> String.valueOf(p.get("authorityId")), p -> String.valueOf(p.get("authorityName")), (a, b) -> a));
        String mine = s.authorityId() == null ? "" : s.authorityId().toString();
        boolean proposer = mine.equals(String.valueOf(o.get("authorityId")));
        boolean takesPart = participants.stream().anyMatch(p -> mine.equals(String.valueOf(p.get("authorityId")))
                && Boolean.TRUE.equals(p.get("accepted")) && !"WITHDRAWN".equals(p.get("status")));
        boolean participant = participants.stream().anyMatch(p -> mine.equals(String.valueOf(p.get("authorityId"))));
        String stage = String.valueOf(o.get("stage"));
        boolean atBoard = "BOARD_RECOMMENDATION".equals(stage);
        Object recommendation = detail.get("recommendation");
        @SuppressWarnings("unchecked")
        Map<String, Object> decisions = (Map<String, Object>) detail.getOrDefault("decisions", Map.of());
        m.put("canMove", proposer && s.isOfficer());
        m.put("canJoin", s.isOfficer() && !participant && !proposer);
        m.put("canAccept", proposer && s.isOfficer());
        m.put("canWriteCase", takesPart && s.isOfficer());
        m.put("canVote", atBoard && recommendation == null && s.isCouncillor());
        m.put("canClose", atBoard && recommendation == null && ((takesPart && s.isOfficer()) || s.hasRole("region-admin")));
        m.put("canDecide", takesPart && s.isOfficer() && recommendation != null && !decisions.containsKey(mine));
        m.put("decisionRows", decisions.entrySet().stream().map(e -> Map.of("council",
                names.getOrDefault(e.getKey(), e.getKey()), "outcome", String.valueOf(e.getValue()))).toList());
        m.put("regionNames", regions(s));
        if (detail.get("businessCaseVersion") != null) {
            Map<String, Object> bc = services.get(s, API + "/" + id + "/business-case");
            m.put("case", bc);
            m.put("savings", savingsTable(bc));
            m.put("matrix", riskMatrix(bc));
        }
        return pages.page(request, "opportunity", m);
    }

    // ---- propose

    @Get("/new")
    @Secured({"authority-officer", "authority-admin"})
    public MutableHttpResponse<?> proposeForm(HttpRequest<?> request) {
        return proposePage(request, Map.of("share", "OWN", "horizon", "MEDIUM_TERM", "proposerRole", "PROPOSER"), Map.of());
    }

    @Post
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> propose(HttpRequest<?> request, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        FormInput in = new FormInput(form, pages);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", in.required("title", "propose.title.missing"));
        if (body.get("title") != null && ((String) body.get("title")).length() > 200) {
            in.error("title", "propose.title.long");
        }
        body.put("serviceArea", in.choice("serviceArea", Choices.AREAS, "propose.serviceArea.missing"));
        body.put("description", in.text("description"));
        body.put("model", in.choice("model", Choices.MODELS, "propose.model.missing"));
        body.put("horizon", in.choice("horizon", Choices.HORIZONS, "propose.horizon.missing"));
        body.put("proposerRole", in.choice("proposerRole", Choices.PROPOSER_ROLES, "propose.proposerRole.missing"));
        String share = in.required("share", "propose.share.missing");
        body.put("regionIds", share == null || "OWN".equals(share) || !isUuid(share) ? List.of() : List.of(share));
        if (!in.valid()) {
            return proposePage(request, in.values(), in.errors());
        }
        try {
            Map<String, Object> created = services.post(s, API, body);
            return HttpResponse.seeOther(URI.create("/opportunities/" + created.get("id")));
        } catch (ServiceRefusal refused) {
            refusedOn(in, refused, "title");
            return proposePage(request, in.values(), in.errors());
        }
    }

    private MutableHttpResponse<?> proposePage(HttpRequest<?> request, Map<String, ?> form, Map<String, String> errors) {
        Map<String, Object> m = formModel(form, errors);
        m.put("regions", regions(pages.session(request)));
        return status(errors, pages.page(request, "propose", m));
    }

    // ---- join and accept

    @Get("/{id}/join")
    @Secured({"authority-officer", "authority-admin"})
    public MutableHttpResponse<?> joinForm(HttpRequest<?> request, @PathVariable String id) {
        return questionPage(request, id, "join", Map.of(), Map.of());
    }

    @Post("/{id}/join")
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> join(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        FormInput in = new FormInput(form, pages);
        String role = in.choice("role", Choices.JOIN_ROLES, "join.role.missing");
        String status = in.choice("status", Choices.JOIN_STATUSES, "join.status.missing");
        return submit(request, id, "join", in, "role", () -> services.post(s, API + "/" + id + "/participants",
                Map.of("role", nz(role), "status", nz(status))));
    }

    @Post("/{id}/participants/{authorityId}/accept")
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> accept(HttpRequest<?> request, @PathVariable String id, @PathVariable String authorityId,
                                         @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        requireUuid(id);
        requireUuid(authorityId);
        services.post(s, API + "/" + id + "/participants/" + authorityId + "/accept", null);
        return HttpResponse.seeOther(URI.create("/opportunities/" + id));
    }

    // ---- business case

    @Get("/{id}/business-case")
    @Secured({"authority-officer", "authority-admin"})
    public MutableHttpResponse<?> caseForm(HttpRequest<?> request, @PathVariable String id) {
        return questionPage(request, id, "business-case", Map.of("costSplit", "EQUAL", "staffing", "no",
                "financialYear", nextFinancialYear()), Map.of());
    }

    @Post("/{id}/business-case")
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> submitCase(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        FormInput in = new FormInput(form, pages);
        List<Map<String, Object>> councils = takingPart(detail(s, id));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("investigationCostPence", in.pence("investigationCost", "case.money.invalid"));
        body.put("implementationCostPence", in.pence("implementationCost", "case.money.invalid"));
        body.put("externalFundingPence", in.pence("externalFunding", "case.money.invalid"));
        String split = in.choice("costSplit", Choices.SPLITS, "case.costSplit.missing");
        body.put("costSplit", split);
        if ("BY_SHARE".equals(split)) {
            Map<String, Integer> shares = new LinkedHashMap<>();
            for (Map<String, Object> c : councils) {
                Integer share = in.whole("share-" + c.get("authorityId"), 0, 100, "case.share.invalid");
                shares.put(String.valueOf(c.get("authorityId")), share == null ? 0 : share);
            }
            if (in.valid() && shares.values().stream().mapToInt(Integer::intValue).sum() != 100) {
                in.error("share-" + councils.get(0).get("authorityId"), "case.share.total");
            }
            body.put("sharesPercent", shares);
        }
        String year = in.required("financialYear", "case.financialYear.missing");
        if (year != null && !year.matches("\\d{4}/\\d{2}")) {
            in.error("financialYear", "case.financialYear.invalid");
        }
        List<Map<String, Object>> savings = new ArrayList<>();
        for (Map<String, Object> c : councils) {
            long saving = in.pence("saving-" + c.get("authorityId"), "case.money.invalid");
            if (saving > 0 && year != null) {
                savings.add(Map.of("authorityId", c.get("authorityId"), "financialYear", year, "annualPence", saving));
            }
        }
        body.put("projectedSavings", savings);
        String benefits = in.text("benefits");
        body.put("benefits", benefits == null ? List.of() : benefits.lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        String risk = in.text("riskDescription");
        if (risk != null) {
            String category = in.choice("riskCategory", Choices.RISK_CATEGORIES, "case.riskCategory.missing");
            Integer likelihood = in.whole("riskLikelihood", 1, 5, "case.riskLikelihood.invalid");
            Integer impact = in.whole("riskImpact", 1, 5, "case.riskImpact.invalid");
            body.put("risks", List.of(Map.of("category", nz(category), "description", risk,
                    "likelihood", likelihood == null ? 0 : likelihood, "impact", impact == null ? 0 : impact)));
        }
        String staffing = in.choice("staffing", List.of("yes", "no"), "case.staffing.missing");
        body.put("staffingImplications", "yes".equals(staffing));
        return submit(request, id, "business-case", in, "investigationCost",
                () -> services.put(s, API + "/" + id + "/business-case", body));
    }

    // ---- stage

    @Get("/{id}/stage/{to}")
    @Secured({"authority-officer", "authority-admin"})
    public MutableHttpResponse<?> stageForm(HttpRequest<?> request, @PathVariable String id, @PathVariable String to) {
        if (chosen(Choices.STAGES, to) == null) {
            throw new ErrorPages.NotFound();
        }
        return questionPage(request, id, "stage", Map.of("to", to), Map.of());
    }

    @Post("/{id}/stage/{to}")
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> move(HttpRequest<?> request, @PathVariable String id, @PathVariable String to,
                                       @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        if (chosen(Choices.STAGES, to) == null) {
            throw new ErrorPages.NotFound();
        }
        FormInput in = new FormInput(form, pages);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", to);
        body.put("note", in.text("note"));
        if ("BOARD_RECOMMENDATION".equals(to)) {
            String region = in.required("boardRegionId", "stage.board.missing");
            if (region != null && !isUuid(region)) {
                in.error("boardRegionId", "stage.board.missing");
            }
            body.put("boardRegionId", region);
        }
        Map<String, String> kept = new LinkedHashMap<>(in.values());
        kept.put("to", to);
        if (!in.valid()) {
            return questionPage(request, id, "stage", kept, in.errors());
        }
        try {
            services.post(s, API + "/" + id + "/stage", body);
            return HttpResponse.seeOther(URI.create("/opportunities/" + id));
        } catch (ServiceRefusal refused) {
            refusedOn(in, refused, "note");
            return questionPage(request, id, "stage", kept, in.errors());
        }
    }

    // ---- board

    @Get("/{id}/vote")
    @Secured("board-member")
    public MutableHttpResponse<?> voteForm(HttpRequest<?> request, @PathVariable String id) {
        return questionPage(request, id, "vote", Map.of(), Map.of());
    }

    @Post("/{id}/vote")
    @Secured("board-member")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> vote(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        FormInput in = new FormInput(form, pages);
        String vote = in.choice("inFavour", List.of("true", "false"), "vote.missing");
        return submit(request, id, "vote", in, "inFavour",
                () -> services.post(s, API + "/" + id + "/board/votes", Map.of("inFavour", Boolean.parseBoolean(vote))));
    }

    @Post("/{id}/close-vote")
    @Secured({"authority-officer", "authority-admin", "region-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> closeVote(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        requireUuid(id);
        services.post(s, API + "/" + id + "/board/recommendation", null);
        return HttpResponse.seeOther(URI.create("/opportunities/" + id + "#recommendation"));
    }

    // ---- decision

    @Get("/{id}/decision")
    @Secured({"authority-officer", "authority-admin"})
    public MutableHttpResponse<?> decisionForm(HttpRequest<?> request, @PathVariable String id) {
        return questionPage(request, id, "decision", Map.of(), Map.of());
    }

    @Post("/{id}/decision")
    @Secured({"authority-officer", "authority-admin"})
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public MutableHttpResponse<?> decide(HttpRequest<?> request, @PathVariable String id, @Body Map<String, String> form) {
        PortalSession s = forms.verified(request, form);
        FormInput in = new FormInput(form, pages);
        String outcome = in.choice("outcome", Choices.OUTCOMES, "decision.outcome.missing");
        String body = in.choice("body", Choices.BODIES, "decision.body.missing");
        LocalDate on = in.date("decidedOn", "decision.date.invalid");
        String minute = in.required("minuteReference", "decision.minute.missing");
        return submit(request, id, "decision", in, "outcome", () -> services.post(s, API + "/" + id + "/decisions",
                Map.of("outcome", nz(outcome), "body", nz(body), "decidedOn", on == null ? "" : on.toString(),
                        "minuteReference", nz(minute))));
    }

    // ---- shared

    private MutableHttpResponse<?> submit(HttpRequest<?> request, String id, String view, FormInput in, String firstField,
                                          Runnable call) {
        if (!in.valid()) {
            return questionPage(request, id, view, in.values(), in.errors());
        }
        try {
            call.run();
            return HttpResponse.seeOther(URI.create("/opportunities/" + id));
        } catch (ServiceRefusal refused) {
            refusedOn(in, refused, firstField);
            return questionPage(request, id, view, in.values(), in.errors());
        }
    }

    private MutableHttpResponse<?> questionPage(HttpRequest<?> request, String id, String view, Map<String, ?> form,
                                                Map<String, String> errors) {
        PortalSession s = pages.session(request);
        Map<String, Object> detail = detail(s, id);
        Map<String, Object> m = formModel(form, errors);
        m.put("opportunity", detail.get("opportunity"));
        m.put("councils", takingPart(detail));
        m.put("regions", regions(s));
        return status(errors, pages.page(request, view, m));
    }

    /** A refusal the person can act on is shown on the form; any other is the service's error page. */
    private void refusedOn(FormInput in, ServiceRefusal refused, String firstField) {
        if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
            throw refused;
        }
        String field = refused.field() != null && in.values().containsKey(refused.field()) ? refused.field() : firstField;
        in.error(field, "error.service", refused.detail());
    }

    private Map<String, Object> detail(PortalSession s, String id) {
        requireUuid(id);
        return services.get(s, API + "/" + id);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> takingPart(Map<String, Object> detail) {
        return ((List<Map<String, Object>>) detail.get("participants")).stream()
                .filter(p -> Boolean.TRUE.equals(p.get("accepted")) && !"WITHDRAWN".equals(p.get("status"))).toList();
    }

    private Map<String, String> regions(PortalSession s) {
        if (s.authorityId() == null) {
            return Map.of();
        }
        return HomePage.visible(() -> services.list(s, "/api/v1/tenants/regions?authorityId=" + s.authorityId()))
                .orElse(List.of()).stream().collect(Collectors.toMap(r -> String.valueOf(r.get("id")),
                        r -> String.valueOf(r.get("name")), (a, b) -> a, LinkedHashMap::new));
    }

    private static Map<String, Object> formModel(Map<String, ?> form, Map<String, String> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("form", form);
        m.put("errors", errors);
        choices(m);
        return m;
    }

    private static void choices(Map<String, Object> m) {
        m.put("stages", Choices.STAGES);
        m.put("areas", Choices.AREAS);
        m.put("models", Choices.MODELS);
        m.put("horizons", Choices.HORIZONS);
        m.put("proposerRoles", Choices.PROPOSER_ROLES);
        m.put("joinRoles", Choices.JOIN_ROLES);
        m.put("joinStatuses", Choices.JOIN_STATUSES);
        m.put("outcomes", Choices.OUTCOMES);
        m.put("bodies", Choices.BODIES);
        m.put("splits", Choices.SPLITS);
        m.put("riskCategories", Choices.RISK_CATEGORIES);
    }

    private static MutableHttpResponse<?> status(Map<String, String> errors, ModelAndView<Map<String, Object>> page) {
        return HttpResponse.status(errors.isEmpty() ? HttpStatus.OK : HttpStatus.BAD_REQUEST).body(page);
    }

    /** Savings per council (rows) per financial year (columns), in pounds. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> savingsTable(Map<String, Object> bc) {
        List<Map<String, Object>> savings = (List<Map<String, Object>>) bc.getOrDefault("projectedSavings", List.of());
        List<String> years = savings.stream().map(x -> String.valueOf(x.get("financialYear"))).distinct().sorted().toList();
        Map<String, Map<String, Long>> byCouncil = new TreeMap<>();
        for (Map<String, Object> x : savings) {
            byCouncil.computeIfAbsent(String.valueOf(x.get("authorityName")), k -> new TreeMap<>())
                    .merge(String.valueOf(x.get("financialYear")), ((Number) x.get("annualPence")).longValue(), Long::sum);
        }
        List<Map<String, Object>> rows = byCouncil.entrySet().stream().map(e -> Map.<String, Object>of("council", e.getKey(),
                "amounts", years.stream().map(y -> e.getValue().getOrDefault(y, 0L)).toList())).toList();
        return Map.of("years", years, "rows", rows);
    }

    /** The seed's 5×5 risk grid: likelihood 5 down to 1 (rows) by impact 1 to 5 (columns), each cell its risks. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> riskMatrix(Map<String, Object> bc) {
        List<Map<String, Object>> risks = (List<Map<String, Object>>) bc.getOrDefault("risks", List.of());
        Function<Map<String, Object>, Integer> l = r -> ((Number) r.get("likelihood")).intValue();
        Function<Map<String, Object>, Integer> i = r -> ((Number) r.get("impact")).intValue();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int likelihood = 5; likelihood >= 1; likelihood--) {
            List<Map<String, Object>> cells = new ArrayList<>();
            for (int impact = 1; impact <= 5; impact++) {
                int li = likelihood;
                int im = impact;
                int score = li * im;
                cells.add(Map.of("impact", im, "level", score >= 15 ? "high" : score >= 6 ? "medium" : "low",
                        "risks", risks.stream().filter(r -> Objects.equals(l.apply(r), li) && Objects.equals(i.apply(r), im))
                                .map(r -> String.valueOf(r.get("category"))).toList()));
            }
            rows.add(Map.of("likelihood", likelihood, "cells", cells));
        }
        return rows;
    }

    private static String nextFinancialYear() {
        LocalDate today = LocalDate.now();
        int start = today.getMonthValue() >= 4 ? today.getYear() + 1 : today.getYear();
        return start + "/" + String.format("%02d", (start + 1) % 100);
    }

    private static void put(Map<String, String> filters, String key, String value) {
        if (value != null) {
            filters.put(key, value);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static boolean isUuid(String s) {
        if (s == null) {
            return false;
        }
        try {
            UUID.fromString(s);
            return s.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void requireUuid(String s) {
        if (!isUuid(s)) {
            throw new ErrorPages.NotFound();
        }
    }

    /** The value when it is one of the choices, else null (an absent filter, or one typed by hand). */
    private static String chosen(List<String> choices, @Nullable String value) {
        return value != null && choices.contains(value) ? value : null;
    }
}
