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
 *
 * <p>A platform admin, who acts for no authority, gets {@code concordat.platform = on} instead;
 * policies that let the platform see a table say so explicitly with {@code concordat_is_platform()}.
 */
@Singleton
public class TenantTransactions {

    /** The PostgreSQL setting the row-level security policies read. */
    public static final String TENANT_SETTING = "concordat.authority_id";

    /** Set to {@code on} when a platform admin acts without an authority of their own. */
    public static final String PLATFORM_SETTING = "concordat.platform";

    private final TransactionOperations<Connection> transactions;

    public TenantTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /** Writes as the caller's authority, or as the platform for a platform admin without one. */
    public <T> T write(Caller caller, Function<Connection, T> work) {
        return transactions.executeWrite(status -> {
            scope(status.getConnection(), caller);
            return work.apply(status.getConnection());
        });
    }

    /** Reads as the caller's authority (or the platform), in a read-only transaction. */
    public <T> T read(Caller caller, Function<Connection, T> work) {
        return transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            scope(status.getConnection(), caller);
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

    /**
     * Inside an event handler's transaction, acts for another authority the fact concerns: an
     * approved opportunity is the proposer's event, but the arrangement it creates is the host's.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void actAs(UUID authorityId) {
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("actAs is used inside a transaction"))
                .getConnection();
        setTenant(connection, authorityId);
    }

    /** Writes as the platform: for work that belongs to no one authority, such as rebuilding a read model. */
    public <T> T asPlatform(Function<Connection, T> work) {
        return transactions.executeWrite(status -> {
            setLocal(status.getConnection(), PLATFORM_SETTING, "on");
            return work.apply(status.getConnection());
        });
    }

    /**
     * Inside an event handler's transaction, acts for the platform: a read model that gathers
     * every authority's facts is written by the platform, and read through each reader's own scope.
     *
     * @throws IllegalStateException outside a transaction
     */
    public void actAsPlatform() {
        Connection connection = (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("actAsPlatform is used inside a transaction"))
                .getConnection();
        setLocal(connection, PLATFORM_SETTING, "on");
    }

    private static void scope(Connection connection, Caller caller) {
        if (caller.authorityId().isPresent()) {
            setTenant(connection, caller.authorityId().get());
        } else if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            setLocal(connection, PLATFORM_SETTING, "on");
        } else {
            throw new TenancyException("the token names no authority to act for");
        }
    }

    private static void setTenant(Connection connection, UUID authorityId) {
        setLocal(connection, TENANT_SETTING, authorityId.toString());
    }

    private static void setLocal(Connection connection, String setting, String value) {
        try (PreparedStatement set = connection.prepareStatement("select set_config(?, ?, true)")) {
            set.setString(1, setting);
            set.setString(2, value);
            set.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot scope this transaction to " + setting, e);
        }
    }
}
