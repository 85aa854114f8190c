package io.concordat.tenants.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Memberships of regions, current and past: one row per period. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegionMemberRepository extends CrudRepository<RegionMemberRow, UUID> {

    List<RegionMemberRow> findByRegionId(UUID regionId);

    List<RegionMemberRow> findByAuthorityId(UUID authorityId);

    List<RegionMemberRow> findByRegionIdAndAuthorityId(UUID regionId, UUID authorityId);

    @Query("select exists (select 1 from region_member where region_id = :regionId and authority_id = :authorityId"
            + " and left_on is null)")
    boolean isCurrentMember(UUID regionId, UUID authorityId);

    @Query("update region_member set left_on = :leftOn where region_id = :regionId and authority_id = :authorityId"
            + " and left_on is null")
    int endMembership(UUID regionId, UUID authorityId, LocalDate leftOn);
}
