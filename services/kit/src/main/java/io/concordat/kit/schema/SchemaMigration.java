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
 * with owns nothing and row-level security applies to it.
 *
 * <p>Two histories: the kit's tables ({@code db/kit}, history {@code kit_schema_history}) first,
 * then the service's own ({@code db/migration}, Flyway's default history). Kept apart, a new kit
 * migration never lands below a version a service has already applied.
 */
@Context
@Requires(property = "concordat.db.url")
public class SchemaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigration.class);
    static final String KIT_HISTORY = "kit_schema_history";

    public SchemaMigration(@Value("${concordat.db.url}") String url,
                           @Value("${concordat.db.owner-user}") String ownerUser,
                           @Value("${concordat.db.owner-password}") String ownerPassword,
                           @Value("${concordat.db.app-user}") String appUser) {
        MigrateResult kit = flyway(url, ownerUser, ownerPassword, appUser, "classpath:db/kit", KIT_HISTORY).migrate();
        MigrateResult own = flyway(url, ownerUser, ownerPassword, appUser, "classpath:db/migration", null).migrate();
        LOG.info("Schema: kit at {}, service at {} ({} migrations applied)", kit.targetSchemaVersion,
                own.targetSchemaVersion, kit.migrationsExecuted + own.migrationsExecuted);
    }

    private static Flyway flyway(String url, String user, String password, String appUser, String location, String table) {
        var configuration = Flyway.configure()
                .dataSource(url, user, password)
                .locations(location)
                .placeholders(Map.of("app_role", appUser))
                // the histories live in public whatever search path a service's database sets for its sessions
                .defaultSchema("public")
                .connectRetries(30);
        if (table != null) {
            configuration.table(table);
        } else {
            // The kit's tables are already in the schema when the service's history starts: begin it at
            // version 0, below every service migration, so that all of them run.
            configuration.baselineOnMigrate(true).baselineVersion("0");
        }
        return configuration.load();
    }
}
