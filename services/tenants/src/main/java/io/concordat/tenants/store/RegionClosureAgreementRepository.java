package io.concordat.tenants.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegionClosureAgreementRepository extends GenericRepository<RegionClosureAgreementRow, RegionClosureAgreementKey> {

    /** Records the authority's agreement; agreeing again keeps the first agreement as it was. */
    @Query("""
            insert into region_closure_agreement (region_id, authority_id, agreed_by, agreed_at, reason)
            values (:regionId, :authorityId, :agreedBy, :agreedAt, :reason)
            on conflict (region_id, authority_id) do nothing""")
    int agree(UUID regionId, UUID authorityId, String agreedBy, Instant agreedAt, String reason);

    /** The authorities that agreed to close the region, first agreement first. */
    @Query("select authority_id from region_closure_agreement where region_id = :regionId order by agreed_at")
    List<UUID> findAgreedAuthorities(UUID regionId);
}
