package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A council's own identity provider.
 *
 * @param protocol     OIDC (OpenID Connect, e.g. Microsoft Entra ID) or SAML
 * @param metadataUrl  the provider's discovery document ({@code .well-known/openid-configuration}) or SAML metadata, https
 * @param clientId     the client the platform is registered as at the provider (OIDC)
 * @param clientSecret its secret (OIDC); never shown again
 * @param emailDomain  one of the council's email domains: people whose email is in it are sent to the provider
 * @param defaultRole  the role everyone arriving through it starts with (authority-officer when absent)
 */
@Serdeable
@Schema(examples = "{\"protocol\":\"OIDC\",\"metadataUrl\":\"https://login.microsoftonline.com/rushcliffe/v2.0/.well-known/openid-configuration\",\"clientId\":\"concordat\",\"clientSecret\":\"a-secret-from-the-provider\",\"emailDomain\":\"rushcliffe.gov.uk\",\"defaultRole\":\"authority-officer\"}")
public record IdentityProviderRequest(@NotBlank @Size(max = 10) String protocol, @NotBlank @Size(max = 2000) String metadataUrl,
                                      @Nullable @Size(max = 255) String clientId, @Nullable @Size(max = 500) String clientSecret,
                                      @NotBlank @Size(max = 253) String emailDomain, @Nullable @Size(max = 40) String defaultRole) {
}
