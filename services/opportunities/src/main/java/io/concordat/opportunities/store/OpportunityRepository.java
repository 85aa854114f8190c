package io.concordat.opportunities.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.UUID;

/** Opportunities; row-level security limits every query to what the transaction's tenant may see. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OpportunityRepository extends CrudRepository<OpportunityRow, UUID> {

    Page<OpportunityRow> findAll(Pageable pageable);

    void updateStage(@Id UUID id, String stage);

    void updateApprovedPublished(@Id UUID id, boolean approvedPublished);

    void updateBoardRegionId(@Id UUID id, UUID boardRegionId);
}
