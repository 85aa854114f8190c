package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegionRepository extends PageableRepository<RegionRow, UUID> {

    boolean existsByName(String name);

    void update(@Id UUID id, Integer boardMembersPerAuthority, String boardRule, @Nullable Integer boardMinimumFromEach);
}
