package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface RegionRepository extends PageableRepository<RegionRow, UUID> {

    boolean existsByName(String name);

    void update(@Id UUID id, Integer boardMembersPerAuthority, String boardRule, @Nullable Integer boardMinimumFromEach);

    /** Closes the region once; closing a closed region changes nothing. */
    @Query("""
            update region set closed_on = :closedOn, closed_at = :closedAt, closed_by = :closedBy,
                   closed_reason = :reason
            where id = :id and closed_at is null""")
    int close(UUID id, LocalDate closedOn, String reason, String closedBy, Instant closedAt);

    @Query("select closed_on, closed_reason as reason, closed_by, closed_at from region"
            + " where id = :id and closed_at is not null")
    Optional<Closing> findClosing(UUID id);
}
