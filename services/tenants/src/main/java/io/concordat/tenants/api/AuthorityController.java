package io.concordat.tenants.api;

import io.concordat.kit.problem.Choices;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.tenants.app.Authorities;
import io.concordat.tenants.domain.Authority;
import io.concordat.tenants.domain.AuthorityKind;
import io.concordat.tenants.domain.AuthorityStatus;
import io.concordat.tenants.domain.FirstAdmin;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Body;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The authorities on the platform. Approved ones are a directory every signed-in user may read;
 * pending and suspended ones are seen only by the platform and their own staff.
 */
@ProblemAnswers
@Controller("/api/v1/tenants/authorities")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuthorityController {

    private final TenantTransactions transactions;
    private final AuthorityRepository authorities;
    private final Authorities lifecycle;

    public AuthorityController(TenantTransactions transactions, AuthorityRepository authorities, Authorities lifecycle) {
        this.transactions = transactions;
        this.authorities = authorities;
        this.lifecycle = lifecycle;
    }

    /** Registers an authority as a tenant, pending approval: the platform only. */
    @Post
    @Status(HttpStatus.CREATED)
    @Secured(Roles.PLATFORM_ADMIN)
    public HttpResponse<AuthorityView> register(Caller caller, @Valid @Body RegisterAuthorityRequest request) {
        Authority authority = Authority.register(request.name(), kind(request.kind()), request.gssCode(),
                request.emailDomains(), caller.subject(), Instant.now()).requireSignInDomain();
        FirstAdmin admin = FirstAdmin.of(request.firstAdmin().email(), request.firstAdmin().firstName(),
                request.firstAdmin().lastName());
        AuthorityRow row = lifecycle.register(caller, authority, admin);
        return HttpResponse.created(AuthorityView.of(row, true), URI.create("/api/v1/tenants/authorities/" + row.id()));
    }

    /** Makes a pending (or suspended) authority a live tenant and sets up its sign-in. */
    @Post("/{id}/approve")
    @Secured(Roles.PLATFORM_ADMIN)
    public ApprovalView approve(Caller caller, @PathVariable UUID id) {
        Authorities.Approval approval = lifecycle.approve(caller, id);
        return new ApprovalView(AuthorityView.of(approval.authority(), true), approval.firstAdminUsername(),
                approval.initialPassword().orElse(null));
    }

    /** Stops an authority's staff signing in and using any service; keeps its data. */
    @Post("/{id}/suspend")
    @Secured(Roles.PLATFORM_ADMIN)
    public AuthorityView suspend(Caller caller, @PathVariable UUID id, @Valid @Body SuspendRequest request) {
        return AuthorityView.of(lifecycle.suspend(caller, id, request.reason()), true);
    }

    /** Renames an authority or changes its email domains: its own admins or the platform. */
    @Patch("/{id}")
    @Secured({Roles.PLATFORM_ADMIN, Roles.AUTHORITY_ADMIN})
    public AuthorityView update(Caller caller, @PathVariable UUID id, @Valid @Body UpdateAuthorityRequest request) {
        return AuthorityView.of(lifecycle.update(caller, id, request.name(), request.emailDomains()), true);
    }

    /** One authority. */
    @Get("/{id}")
    public AuthorityView get(Caller caller, @PathVariable UUID id) {
        return transactions.read(caller, connection -> {
            AuthorityRow row = find(id);
            boolean own = caller.authorityId().map(id::equals).orElse(false);
            boolean platform = caller.hasRole(Roles.PLATFORM_ADMIN);
            if (!AuthorityStatus.valueOf(row.status()).isLive() && !own && !platform) {
                throw notFound(id);
            }
            return AuthorityView.of(row, platform || (own && caller.hasRole(Roles.AUTHORITY_ADMIN)));
        });
    }

    /**
     * Lists authorities by name, optionally those whose name contains {@code q}. Only the platform
     * may list pending or suspended ones ({@code status}).
     */
    @Get
    public Page<AuthorityView> list(Caller caller,
                                    @QueryValue @Nullable @Size(max = 100) String q,
                                    @QueryValue @Nullable String status,
                                    @QueryValue(defaultValue = "0") @Min(0) int page,
                                    @QueryValue(defaultValue = "50") @Min(1) @Max(200) int size) {
        boolean platform = caller.hasRole(Roles.PLATFORM_ADMIN);
        Set<String> statuses = statuses(status, platform);
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("name")));
        String pattern = "%" + (q == null ? "" : q.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
        return transactions.read(caller, connection ->
                authorities.findByStatusInAndNameIlike(statuses, pattern, pageable).map(row -> AuthorityView.of(row, platform)));
    }

    private static Set<String> statuses(String requested, boolean platform) {
        if (requested == null || requested.isBlank()) {
            return Set.of(AuthorityStatus.APPROVED.name());
        }
        AuthorityStatus wanted = Choices.parse(AuthorityStatus.class, requested, "status");
        if (!wanted.isLive() && !platform) {
            throw ProblemException.forbidden("platform-only", "Only the platform lists pending or suspended authorities.");
        }
        return Set.of(wanted.name());
    }

    static AuthorityKind kind(String kind) {
        return Choices.parse(AuthorityKind.class, kind, "authority kind");
    }

    private AuthorityRow find(UUID id) {
        return authorities.findById(id).orElseThrow(() -> notFound(id));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("authority-not-found", "No authority " + id + ".");
    }
}
