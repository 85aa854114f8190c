package io.concordat.tenants.provisioning;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import java.util.function.Supplier;

/**
 * How the tenants service talks to Keycloak's admin API: a call that gets no answer is a
 * {@link ProvisioningException} to try again (503); one that Keycloak refuses is one not to (502).
 */
final class KeycloakCalls {

    private KeycloakCalls() {
    }

    static <T> T call(String what, Supplier<T> step) {
        try {
            return step.get();
        } catch (ProcessingException e) {
            throw new ProvisioningException("the identity provider did not answer while trying to " + what, e, true);
        } catch (WebApplicationException e) {
            throw new ProvisioningException("the identity provider refused to " + what + ": HTTP "
                    + e.getResponse().getStatus(), e, false);
        }
    }

    /** The id of what a create call made, from its {@code Location}; a refusal is a {@link ProvisioningException}. */
    static String expectCreated(Response response, String what) {
        try (response) {
            if (response.getStatus() != 201) {
                throw new ProvisioningException("the identity provider refused to create the " + what + ": HTTP "
                        + response.getStatus() + " " + response.readEntity(String.class), null, false);
            }
            String location = response.getLocation().getPath();
            return location.substring(location.lastIndexOf('/') + 1);
        }
    }
}
