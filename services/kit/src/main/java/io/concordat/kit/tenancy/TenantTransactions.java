package io.concordat.kit.tenancy;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import java.util.function.Function;

/**
 * Runs work in a transaction whose tenant is set for PostgreSQL's row-level security.
 *
 * <p>The tenant is set with {@code set_config(..., is_local => true)}: it lasts until the
 * transaction ends, commit or rollback, so a pooled connection never carries one request's
 * tenant into the next. A connection used without this sees no tenant-owned rows at all.
 */
@Singleton
public class TenantTransactions {

    /** The PostgreSQL setting the row-level security policies read. */
    public static final String TENANT_SETTING = "concordat.authority_id";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Writes as the caller's authority. */
    public <T> T write(Caller caller, Function<Connection, T> work) {
        return asAuthority(caller.requireAuthority(), work);
    }

    /** Reads as the caller's authority, in a read-only transaction. */
    public <T> T read(Caller caller, Function<Connection, T> work) {
        UUID authority = caller.requireAuthority();
        return transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            setTenant(status.getConnection(), authority);
            return work.apply(status.getConnection());
        });
    }

    /** Writes as the given authority: for event handlers, whose tenant is the event's. */
    public <T> T asAuthority(UUID authorityId, Function<Connection, T> work) {
        return transactions.executeWrite(status -> {
            setTenant(status.getConnection(), authorityId);
            return work.apply(status.getConnection());
        });
    }

    private static void setTenant(Connection connection, UUID authorityId) {
        try (PreparedStatement set = connection.prepareStatement("select set_config(?, ?, true)")) {
            set.setString(1, TENANT_SETTING);
            set.setString(2, authorityId.toString());
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the tenant for this transaction", e);
        }
    }
}
