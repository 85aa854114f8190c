package io.concordat.devstack;

import io.concordat.servers.HttpProbe;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ContainerKeycloakTest {

    @Test
    void theKeycloakDistributionIsTheDefault() {
        assumeTrue(System.getenv("CONCORDAT_TEST_CONTAINERS") == null && System.getProperty("concordat.test.containers") == null,
                "this run asks for Testcontainers");
        assertFalse(ContainerKeycloak.requested());
    }

    @Test
    void aKeycloakContainerServesTheRealmOnTheStacksPortWhenAskedFor() {
        assumeTrue(ContainerKeycloak.dockerAvailable(),
                "no Docker here, so the Keycloak container cannot run; the end-to-end suite uses the Keycloak distribution");

        int port = Ports.defaults().shiftedBy(12_000).keycloak();
        try (ContainerKeycloak keycloak = ContainerKeycloak.start(Path.of("target/keycloak"), port,
                Path.of("concordat-realm.json"), Devstack.REALM, Devstack.KEYCLOAK_ADMIN, Devstack.KEYCLOAK_ADMIN_PASSWORD)) {
            assertEquals("http://127.0.0.1:" + port, keycloak.url());
            assertTrue(HttpProbe.answersOk(keycloak.url() + "/realms/" + Devstack.REALM + "/.well-known/openid-configuration"));
        }
    }
}
