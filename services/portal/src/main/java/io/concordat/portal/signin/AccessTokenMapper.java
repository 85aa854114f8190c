package io.concordat.portal.signin;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenancyException;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.oauth2.endpoint.authorization.state.State;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdAuthenticationMapper;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdClaims;
import io.micronaut.security.oauth2.endpoint.token.response.OpenIdTokenResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import io.micronaut.core.async.publisher.Publishers;
import org.reactivestreams.Publisher;

import java.text.ParseException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who signed in: the name from the verified ID token, the roles and authority (its organization)
 * from the access token the services will check (Keycloak puts the realm roles in the access token only). The
 * access token came straight from the token endpoint, so it is read here, not verified again:
 * every service verifies it on each call.
 */
@Singleton
@Named("concordat")
public class AccessTokenMapper implements OpenIdAuthenticationMapper {

    static final String ACCESS = "access_token";
    static final String REFRESH = "refresh_token";
    static final String ID_TOKEN = "id_token";
    static final String EXPIRES_AT = "access_expires_at";
    static final String AUTHORITY = "authority_id";

    @Override
    public Publisher<AuthenticationResponse> createAuthenticationResponse(String provider, OpenIdTokenResponse tokens,
                                                                          OpenIdClaims claims, State state) {
        try {
            JWTClaimsSet access = JWTParser.parse(tokens.getAccessToken()).getJWTClaimsSet();
            List<String> roles = access.getStringListClaim("roles");
            Map<String, Object> attributes = new HashMap<>();
            attributes.put(ACCESS, tokens.getAccessToken());
            attributes.put(ID_TOKEN, tokens.getIdToken());
            if (tokens.getRefreshToken() != null) {
                attributes.put(REFRESH, tokens.getRefreshToken());
            }
            attributes.put(EXPIRES_AT, access.getExpirationTime() == null ? Instant.now().plusSeconds(60).toString()
                    : access.getExpirationTime().toInstant().toString());
            // the council is the one the services will act for: the token's organization, as the kit reads it
            Caller.authorityOf(access.getClaims()).ifPresent(authority -> attributes.put(AUTHORITY, authority.toString()));
            String username = claims.getPreferredUsername() != null ? claims.getPreferredUsername() : claims.getSubject();
            return Publishers.just(AuthenticationResponse.success(username, roles == null ? List.of() : roles, attributes));
        } catch (TenancyException notAnAuthority) {
            return Publishers.just(AuthenticationResponse.failure("The sign-in names an organization that is not a council."));
        } catch (ParseException unreadable) {
            return Publishers.just(AuthenticationResponse.failure("The sign-in service answered a token that is not a JWT."));
        }
    }
}
