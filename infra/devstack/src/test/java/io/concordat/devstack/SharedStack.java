package io.concordat.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;

/**
 * Boots the whole platform once for every end-to-end class of the run and stops it when the run
 * ends: each class that needs it says {@code @ExtendWith(SharedStack.class)} and asks
 * {@link #stack()}. Ports are the defaults shifted by 10000 unless CONCORDAT_E2E_PORT_OFFSET says
 * otherwise, so two checkouts can each run the suite at once. Keycloak comes from its distribution,
 * or from a container when CONCORDAT_TEST_CONTAINERS=true ({@link ContainerKeycloak}).
 */
public final class SharedStack implements BeforeAllCallback {

    private static Devstack stack;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SharedStack.class, key -> new Running(boot()), Running.class);
    }

    /** The running stack; only valid inside a class extended with this. */
    public static Devstack stack() {
        if (stack == null) {
            throw new IllegalStateException("the class is not extended with SharedStack");
        }
        return stack;
    }

    private static Devstack boot() {
        Path root = Path.of(System.getProperty("concordat.root", "../..")).toAbsolutePath().normalize();
        stack = Devstack.startForTest(root, root.resolve("infra/devstack/target/devstack-e2e"),
                Ports.defaults().shiftedBy(portOffset()), System.out,
                ContainerKeycloak.requested() ? ContainerKeycloak::start : Devstack.KeycloakStart.DISTRIBUTION);
        return stack;
    }

    private static int portOffset() {
        String offset = System.getenv("CONCORDAT_E2E_PORT_OFFSET");
        return offset == null || offset.isBlank() ? 10_000 : Integer.parseInt(offset.trim());
    }

    private record Running(Devstack devstack) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            devstack.close();
            stack = null;
        }
    }
}
