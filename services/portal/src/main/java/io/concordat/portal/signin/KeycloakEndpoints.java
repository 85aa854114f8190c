package io.concordat.portal.signin;

import io.micronaut.context.annotation.EachBean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.security.oauth2.client.DefaultOpenIdProviderMetadata;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadataFetcher;
import io.micronaut.security.oauth2.client.OpenIdProviderMetadataFetcherFactory;
import io.micronaut.security.oauth2.configuration.OpenIdClientConfiguration;

import java.util.List;

/**
 * The realm's endpoints from its issuer, by Keycloak's fixed layout, instead of fetching its
 * discovery document when the portal starts: Micronaut fetches that once, at start-up, and
 * disables sign-in for good when Keycloak is not answering yet (it starts beside the services
 * and is often the slowest). The keys are still fetched from the realm when a token is checked.
 */
@Factory
class KeycloakEndpoints {

    @EachBean(OpenIdClientConfiguration.class)
    @Replaces(bean = OpenIdProviderMetadataFetcher.class, factory = OpenIdProviderMetadataFetcherFactory.class)
    OpenIdProviderMetadataFetcher endpoints(OpenIdClientConfiguration client) {
        String issuer = client.getIssuer().orElseThrow(() -> new IllegalStateException(
                "the sign-in client " + client.getName() + " names no issuer")).toString();
        String base = issuer + "/protocol/openid-connect";
        DefaultOpenIdProviderMetadata metadata = DefaultOpenIdProviderMetadata.builder(client.getName())
                .issuer(issuer)
                .authorizationEndpoint(base + "/auth")
                .tokenEndpoint(base + "/token")
                .jwksUri(base + "/certs")
                .userinfoEndpoint(base + "/userinfo")
                .endSessionEndpoint(base + "/logout")
                .responseTypesSupported(List.of("code"))
                .subjectTypesSupported(List.of("public"))
                .idTokenSigningAlgValuesSupported(List.of("RS256"))
                .tokenEndpointAuthMethodsSupported(List.of("client_secret_basic", "client_secret_post"))
                .codeChallengeMethodsSupported(List.of("S256"))
                .grantTypesSupported(List.of("authorization_code", "refresh_token"))
                .scopesSupported(List.of("openid", "profile", "email", "organization"))
                .build();
        return new OpenIdProviderMetadataFetcher() {
            @Override
            public DefaultOpenIdProviderMetadata fetch() {
                return metadata;
            }

            @Override
            public String getName() {
                return client.getName();
            }
        };
    }
}
