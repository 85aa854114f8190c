package io.concordat.kit.schema;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Migrates the service's database with Flyway when the application starts, before any request
 * or consumer runs: as the owner role, so that the application role the service then connects
 * with owns nothing and row-level security applies to it. Kit tables come first
 * ({@code db/kit}, versions 0.x), then the service's own ({@code db/migration}, 1 and up).
 */
@Context
@Requires(property = "concordat.db.url")
public class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);

    public SchemaMigration(@Value("${concordat.db.url}") String url,
                           @Value("${concordat.db.owner-user}") String ownerUser,
                           @Value("${concordat.db.owner-password}") String ownerPassword,
                           @Value("${concordat.db.app-user}") String appUser) {
        MigrateResult result = Flyway.configure()
                .dataSource(url, ownerUser, ownerPassword)
                .locations("classpath:db/kit", "classpath:db/migration")
                .placeholders(Map.of("app_role", appUser))
                .connectRetries(30)
                .load()
                .migrate();
        LOG.info("Schema at version {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
