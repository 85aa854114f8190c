package io.concordat.kit.config;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.AbstractPropertySourceLoader;
import io.micronaut.context.env.Environment;
import io.micronaut.context.env.PropertySource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The kit's shared configuration, as Micronaut reads it for an application with the kit. */
class KitDefaultsTest {

    @Test
    void everyApplicationWithTheKitReadsTheSharedDefaultsBeneathItsOwnConfiguration() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment environment = context.getEnvironment().start();
            assertEquals("always", environment.getProperty("micronaut.serde.serialization.inclusion", String.class)
                    .orElseThrow());
            assertEquals(8080, environment.getProperty("micronaut.server.port", Integer.class).orElseThrow());
            PropertySource defaults = environment.getPropertySources().stream()
                    .filter(s -> KitDefaults.SHARED.equals(s.getName())).findFirst().orElseThrow();
            assertTrue(defaults.getOrder() < AbstractPropertySourceLoader.DEFAULT_POSITION,
                    "beneath application.yml, so a service's own value wins");
        }
    }

    @Test
    void anApplicationWithoutItsOwnSchemaGetsNoDatabase() {
        try (ApplicationContext context = ApplicationContext.builder().build()) {
            Environment environment = context.getEnvironment().start();
            assertFalse(environment.containsProperties("datasources"));
        }
    }
}
