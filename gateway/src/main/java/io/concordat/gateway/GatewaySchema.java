package io.concordat.gateway;

import io.concordat.kit.schema.SchemaMigration;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * The gateway's own database holds only the rate limits' buckets ({@code db/gateway}), migrated as
 * the owner role at start-up. It replaces the services' migration, whose outbox and inbox tables
 * the gateway has no use for; the migrations live outside {@code db/migration} so that the
 * services' database defaults (request paging, target rules) stay off at the front door.
 */
@Context
@Replaces(SchemaMigration.class)
@Requires(property = "concordat.db.url")
public class GatewaySchema {

    private static final Logger LOG = LoggerFactory.getLogger(GatewaySchema.class);

    public GatewaySchema(@Value("${concordat.db.url}") String url,
                         @Value("${concordat.db.owner-user}") String ownerUser,
                         @Value("${concordat.db.owner-password}") String ownerPassword,
                         @Value("${concordat.db.app-user}") String appUser) {
        var result = Flyway.configure()
                .dataSource(url, ownerUser, ownerPassword)
                .locations("classpath:db/gateway")
                .placeholders(Map.of("app_role", appUser))
                .connectRetries(30)
                .load()
                .migrate();
        LOG.info("Schema: gateway at {} ({} migrations applied)", result.targetSchemaVersion, result.migrationsExecuted);
    }
}
