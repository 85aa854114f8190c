package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One of a council's own identity providers.
 *
 * @param name         a short name among the council's providers (letters, digits, hyphens); absent for the first
 * @param protocol     OIDC (OpenID Connect, e.g. Microsoft Entra ID) or SAML
 * @param metadataUrl  the provider's discovery document ({@code .well-known/openid-configuration}) or SAML metadata, https
 * @param clientId     the client the platform is registered as at the provider (OIDC)
 * @param clientSecret its secret (OIDC); never shown again
 * @param emailDomains the domains whose people it signs in: one, or all of the council's; a domain that is not yet the
 *                     council's becomes its own, unless another authority has it
 * @param defaultRole  the role everyone arriving through it starts with (authority-officer when absent)
 */
@Serdeable
@Schema(examples = "{\"name\":\"entra\",\"protocol\":\"OIDC\",\"metadataUrl\":\"https://login.microsoftonline.com/rushcliffe/v2.0/.well-known/openid-configuration\",\"clientId\":\"concordat\",\"clientSecret\":\"a-secret-from-the-provider\",\"emailDomains\":[\"rushcliffe.gov.uk\"],\"defaultRole\":\"authority-officer\"}")
public record IdentityProviderRequest(@Nullable @Size(max = 30) String name,
                                      @NotBlank @Size(max = 10) String protocol, @NotBlank @Size(max = 2000) String metadataUrl,
                                      @Nullable @Size(max = 255) String clientId, @Nullable @Size(max = 500) String clientSecret,
                                      @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 253) String> emailDomains,
                                      @Nullable @Size(max = 40) String defaultRole) {
}
