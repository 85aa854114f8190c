package io.concordat.kit.store;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * The connection of the transaction in progress, for stores that write SQL of their own. It
 * carries the transaction's tenant, so row-level security applies to everything done with it.
 */
@Singleton
public class CurrentConnection {

    private final TransactionOperations<Connection> transactions;

    public CurrentConnection(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @throws IllegalStateException outside a transaction: stores are used inside one
     */
    public Connection get() {
        return (Connection) transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("no transaction in progress; stores are used inside one"))
                .getConnection();
    }
}
