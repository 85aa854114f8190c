package io.concordat.tenants.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegionMemberRepository extends CrudRepository<RegionMemberRow, RegionMemberRow.Key> {

    List<RegionMemberRow> findByKeyRegionId(UUID regionId);
}
