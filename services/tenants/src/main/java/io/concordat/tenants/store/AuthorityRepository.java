package io.concordat.tenants.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuthorityRepository extends PageableRepository<AuthorityRow, UUID> {

    boolean existsByGssCode(String gssCode);

    Page<AuthorityRow> findByNameIlike(String pattern, Pageable pageable);

    List<AuthorityRow> findByIdIn(Collection<UUID> ids);
}
