package io.concordat.opportunities.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

/** Opportunities; row-level security limits every query to the transaction's tenant. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OpportunityRepository extends CrudRepository<OpportunityRow, UUID> {

    Page<OpportunityRow> findAll(Pageable pageable);
}
