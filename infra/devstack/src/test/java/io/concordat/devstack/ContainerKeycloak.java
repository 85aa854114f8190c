package io.concordat.devstack;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import io.concordat.servers.RunningKeycloak;
import org.testcontainers.DockerClientFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * Keycloak from its Docker image through testcontainers-keycloak, for those with Docker who ask
 * for it ({@code CONCORDAT_TEST_CONTAINERS=true}): the same release as the distribution the stack
 * otherwise runs, importing the same realm file, published on 127.0.0.1 at the stack's Keycloak
 * port so that tokens carry the same issuer either way. PostgreSQL and Kafka stay embedded in the
 * end-to-end stack: one of its tests stops and restarts the broker.
 */
final class ContainerKeycloak implements RunningKeycloak {

    static final String IMAGE = "quay.io/keycloak/keycloak:26.3.0";

    private final KeycloakContainer container;
    private final int port;

    private ContainerKeycloak(KeycloakContainer container, int port) {
        this.container = container;
        this.port = port;
    }

    static boolean requested() {
        return Boolean.parseBoolean(System.getProperty("concordat.test.containers", System.getenv("CONCORDAT_TEST_CONTAINERS")));
    }

    static boolean dockerAvailable() {
        return DockerClientFactory.instance().isDockerAvailable();
    }

    /** Starts the container; the realm file comes from the test class path, where the build copies it. */
    static ContainerKeycloak start(Path dir, int port, Path realmFile, String realm, String adminUser, String adminPassword) {
        if (!dockerAvailable()) {
            throw new IllegalStateException("CONCORDAT_TEST_CONTAINERS asks for Keycloak from Docker, but no Docker is"
                    + " reachable; unset it to use the Keycloak distribution");
        }
        KeycloakContainer container = new KeycloakContainer(IMAGE)
                .withAdminUsername(adminUser)
                .withAdminPassword(adminPassword)
                .withRealmImportFile("/" + realmFile.getFileName());
        container.setPortBindings(List.of("127.0.0.1:" + port + ":8080"));
        container.start();
        return new ContainerKeycloak(container, port);
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        container.stop();
    }
}
