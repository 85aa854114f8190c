package io.concordat.tenants.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Caller;
import io.concordat.tenants.app.SignInProviders;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.UUID;

/** Links a council's own identity provider (OpenID Connect or SAML) to its organization. */
@ProblemAnswers
@Controller("/api/v1/tenants/authorities/{id}/identity-provider")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class IdentityProviderController {

    private final SignInProviders providers;

    public IdentityProviderController(SignInProviders providers) {
        this.providers = providers;
    }

    /** Links the council's own identity provider (OpenID Connect or SAML) for an email domain, with the role its people get. */
    @Put
    public IdentityProviderView link(Caller caller, @PathVariable UUID id, @Valid @Body IdentityProviderRequest request) {
        SignInProviders.Linked linked = providers.link(caller, id, request.protocol(), request.metadataUrl(),
                request.clientId(), request.clientSecret(), request.emailDomain(), request.defaultRole());
        return new IdentityProviderView(linked.alias(), linked.link().protocol().name(), linked.link().metadataUrl().toString(),
                linked.link().emailDomain(), linked.link().defaultRole().roleName());
    }
}
