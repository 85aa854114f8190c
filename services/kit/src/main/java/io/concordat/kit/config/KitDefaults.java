package io.concordat.kit.config;

import io.micronaut.context.env.ActiveEnvironment;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.yaml.YamlPropertySourceLoader;
import io.micronaut.core.io.ResourceLoader;
import io.micronaut.core.io.scan.ClassPathResourceLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the configuration the services share beneath each one's own {@code application.yml},
 * which then keeps only what is its own and overrides any default by naming it:
 * {@code concordat-defaults.yml} (JSON shape, HTTP port, bearer tokens, health) for every
 * application with the kit, and {@code concordat-service-defaults.yml} (request size, the
 * database pool, metrics) for a service with its own schema ({@code db/migration} on its class
 * path), so that the gateway and the portal get no database. Micronaut finds this loader through
 * {@code META-INF/services}: a service started from its jar and one started by a test read the
 * same defaults.
 */
public class KitDefaults extends YamlPropertySourceLoader {

    /** Shared by every application with the kit. */
    public static final String SHARED = "concordat-defaults";
    /** Shared by the services that own a database. */
    public static final String SERVICE = "concordat-service-defaults";
    /** Just below {@code application.yml}, so a service's own value wins. */
    public static final int POSITION = DEFAULT_POSITION - 10;

    @Override
    public int getOrder() {
        return POSITION;
    }

    @Override
    public Optional<PropertySource> load(String resourceName, ResourceLoader resourceLoader) {
        if (!"application".equals(resourceName)) {
            return Optional.empty();
        }
        Map<String, Object> values = new LinkedHashMap<>(read(resourceLoader, SHARED));
        if (ownsASchema(resourceLoader)) {
            values.putAll(read(resourceLoader, SERVICE));
        }
        return Optional.of(createPropertySource(SHARED, values, POSITION));
    }

    /** Only {@code application.yml} has defaults; environment files are the service's own. */
    @Override
    public Optional<PropertySource> loadEnv(String resourceName, ResourceLoader resourceLoader,
                                            ActiveEnvironment activeEnvironment) {
        return Optional.empty();
    }

    /** Flyway's migrations of the service's own schema; a directory, which Micronaut's resource lookup does not list. */
    private static boolean ownsASchema(ResourceLoader resourceLoader) {
        ClassLoader classLoader = resourceLoader instanceof ClassPathResourceLoader classPath
                ? classPath.getClassLoader() : KitDefaults.class.getClassLoader();
        return classLoader.getResource("db/migration") != null || classLoader.getResource("db/migration/") != null;
    }

    private Map<String, Object> read(ResourceLoader resourceLoader, String name) {
        Optional<InputStream> input = readInput(resourceLoader, name + ".yml");
        if (input.isEmpty()) {
            throw new IllegalStateException("the kit's " + name + ".yml is missing from the class path");
        }
        try (InputStream in = input.get()) {
            return read(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the kit's " + name + ".yml", e);
        }
    }
}
