package io.concordat.tenants.provisioning;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The one Keycloak admin client of the tenants service, signed in as its {@code concordat-tenants}
 * service account: provisioning, staff and identity providers share its connections and token.
 */
@Factory
class KeycloakAdmin {

    @Singleton
    @Bean(preDestroy = "close")
    Keycloak keycloak(@Value("${concordat.keycloak.url}") String url,
                      @Value("${concordat.keycloak.realm:concordat}") String realm,
                      @Value("${concordat.keycloak.client-id}") String clientId,
                      @Value("${concordat.keycloak.client-secret}") String clientSecret) {
        return KeycloakBuilder.builder().serverUrl(url).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(clientSecret).build();
    }
}
