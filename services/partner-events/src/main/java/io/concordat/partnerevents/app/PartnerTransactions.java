package io.concordat.partnerevents.app;

import io.concordat.kit.tenancy.TenantTransactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Function;

/**
 * Transactions scoped to one partner: row-level security then shows only its own subscriptions,
 * deliveries and attempts ({@code concordat.partner}, read by the policies).
 */
@Singleton
public class PartnerTransactions {

    private final TransactionOperations<Connection> transactions;
    private final TenantTransactions tenants;

    public PartnerTransactions(TransactionOperations<Connection> transactions, TenantTransactions tenants) {
        this.transactions = transactions;
        this.tenants = tenants;
    }

    public <T> T asPartner(PartnerIdentity partner, Function<Connection, T> work) {
        return transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            try (PreparedStatement set = connection.prepareStatement("select set_config('concordat.partner', ?, true)")) {
                set.setString(1, partner.clientId());
                set.execute();
            } catch (SQLException e) {
                throw new IllegalStateException("cannot scope the transaction to partner " + partner.clientId(), e);
            }
            return work.apply(connection);
        });
    }

    /** For the workers and the partner's reads of the event log, whose visibility is decided in code. */
    public <T> T asPlatform(Function<Connection, T> work) {
        return tenants.asPlatform(work);
    }
}
