package io.concordat.partnerevents.app;

import java.util.UUID;

/**
 * Partner systems as clients of the identity provider: each signs in with client credentials,
 * and its tokens carry the {@code partner-system} role and its authority (or region).
 */
public interface PartnerClients {

    /** A client as registered: the provider's own id for it, and its secret (shown once). */
    record Registered(String clientUuid, String secret) {
    }

    /**
     * Creates the client with its service account, the role and the authority or region claim.
     *
     * @throws PartnerClientException when the provider cannot be reached or refuses
     */
    Registered register(String clientId, String name, UUID authorityId, UUID regionId);

    /** Replaces the client's secret; the old one stops working at once. */
    String rotateSecret(String clientUuid);

    /** Stops the client getting tokens. */
    void disable(String clientUuid);

    /** The identity provider could not carry out a step. */
    class PartnerClientException extends RuntimeException {

        private final boolean unreachable;

        public PartnerClientException(String message, Throwable cause, boolean unreachable) {
            super(message, cause);
            this.unreachable = unreachable;
        }

        public boolean unreachable() {
            return unreachable;
        }
    }
}
