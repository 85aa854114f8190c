package io.concordat.tenants.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Caller;
import io.concordat.tenants.app.SignInProviders;
import io.concordat.tenants.domain.IdentityProviderLink;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** A council's own identity providers (OpenID Connect or SAML), linked to its organization for its email domains. */
@ProblemAnswers
@Controller("/api/v1/tenants/authorities/{id}/identity-providers")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class IdentityProviderController {

    private final SignInProviders providers;

    public IdentityProviderController(SignInProviders providers) {
        this.providers = providers;
    }

    /** Links one of the council's identity providers for some of its email domains (a new domain becomes the council's), with the role its people get. */
    @Post
    @Status(HttpStatus.CREATED)
    public HttpResponse<IdentityProviderView> link(Caller caller, @PathVariable UUID id, @Valid @Body IdentityProviderRequest request) {
        SignInProviders.Linked linked = providers.link(caller, id, IdentityProviderLink.of(request.name(), request.protocol(),
                request.metadataUrl(), request.clientId(), request.clientSecret(), request.emailDomains(), request.defaultRole()));
        return HttpResponse.created(new IdentityProviderView(linked.alias(), linked.link().protocol().name(),
                        linked.link().emailDomains(), linked.link().defaultRole().roleName()),
                URI.create("/api/v1/tenants/authorities/" + id + "/identity-providers/" + linked.alias()));
    }

    /** Lists the council's identity providers with the email domains each signs in. */
    @Get
    public List<IdentityProviderView> linked(Caller caller, @PathVariable UUID id) {
        return providers.linked(caller, id).stream().map(provider -> new IdentityProviderView(provider.alias(),
                provider.protocol(), provider.emailDomains(), provider.defaultRole())).toList();
    }

    /** Unlinks one of the council's identity providers; the people who came through it keep their accounts. */
    @Delete("/{alias}")
    @Status(HttpStatus.NO_CONTENT)
    public HttpResponse<Void> unlink(Caller caller, @PathVariable UUID id, @PathVariable @Size(max = 100) String alias) {
        providers.unlink(caller, id, alias);
        return HttpResponse.noContent();
    }
}
