package io.concordat.opportunities.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** The regions opportunities are shared with; row-level security shows only what the tenant may see. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OpportunityRegionRepository extends CrudRepository<OpportunityRegionRow, OpportunityRegionRow.Key> {

    List<OpportunityRegionRow> findByKeyOpportunityIdIn(Collection<UUID> opportunityIds);
}
