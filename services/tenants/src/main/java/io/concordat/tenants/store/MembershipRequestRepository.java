package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Requests to join regions; row-level security shows each to its authority, the region's members and the platform. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface MembershipRequestRepository extends CrudRepository<MembershipRequestRow, UUID> {

    List<MembershipRequestRow> findByRegionIdOrderByRequestedAtDesc(UUID regionId);

    Optional<MembershipRequestRow> findByIdAndRegionId(UUID id, UUID regionId);

    boolean existsByRegionIdAndAuthorityIdAndStatus(UUID regionId, UUID authorityId, String status);

    void update(@Id UUID id, String status, String decidedBy, Instant decidedAt, @Nullable String reason);
}
