package io.concordat.tenants.api;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.tenants.domain.Authority;
import io.concordat.tenants.domain.InvalidRegistrationException;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The directory of authorities: every signed-in user may read it; platform admins register. */
@Controller("/api/v1/tenants/authorities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuthorityController {

    private final AuthorityRepository authorities;
    private final EventPublisher events;

    public AuthorityController(AuthorityRepository authorities, EventPublisher events) {
        this.authorities = authorities;
        this.events = events;
    }

    @Post
    @Secured(Roles.PLATFORM_ADMIN)
    @Transactional
    public HttpResponse<AuthorityView> register(Caller caller, @Valid @Body RegisterAuthorityRequest request) {
        Authority authority;
        try {
            authority = Authority.register(request.name(), request.kind(), request.gssCode(), request.emailDomains(),
                    caller.subject(), Instant.now());
        } catch (InvalidRegistrationException e) {
            throw ProblemException.badRequest(e.rule(), e.getMessage());
        }
        if (authority.gssCode() != null && authorities.existsByGssCode(authority.gssCode())) {
            throw ProblemException.conflict("duplicate-gss-code",
                    "An authority with GSS code " + authority.gssCode() + " is already registered.");
        }
        AuthorityRow row = authorities.save(new AuthorityRow(authority.id(), authority.name(), authority.kind().name(),
                authority.gssCode(), authority.emailDomains().toArray(String[]::new), authority.registeredAt(),
                authority.registeredBy()));
        events.publish(EventTypes.AUTHORITY_REGISTERED, row.id().toString(), row.id(), List.of(),
                new AuthorityRegistered(row.id(), row.name(), row.kind(), row.gssCode(), authority.emailDomains(),
                        row.registeredAt()));
        return HttpResponse.created(AuthorityView.of(row), URI.create("/api/v1/tenants/authorities/" + row.id()));
    }

    @Get("/{id}")
    @Transactional(readOnly = true)
    public AuthorityView get(@PathVariable UUID id) {
        return authorities.findById(id).map(AuthorityView::of)
                .orElseThrow(() -> ProblemException.notFound("authority-not-found", "No authority " + id + "."));
    }

    /** Lists authorities by name, optionally those whose name contains {@code q}. */
    @Get
    @Transactional(readOnly = true)
    public Page<AuthorityView> list(@QueryValue @Nullable @Size(max = 100) String q,
                                    @QueryValue(defaultValue = "0") @Min(0) int page,
                                    @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("name")));
        Page<AuthorityRow> rows = q == null || q.isBlank()
                ? authorities.findAll(pageable)
                : authorities.findByNameIlike("%" + q.strip().replace("%", "\\%").replace("_", "\\_") + "%", pageable);
        return rows.map(AuthorityView::of);
    }
}
