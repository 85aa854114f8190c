package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.PageableRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AuthorityRepository extends PageableRepository<AuthorityRow, UUID> {

    boolean existsByGssCode(String gssCode);

    Page<AuthorityRow> findByStatusInAndNameIlike(Collection<String> status, String pattern, Pageable pageable);

    List<AuthorityRow> findByIdIn(Collection<UUID> ids);

    void update(@Id UUID id, String status, @Nullable String organizationId, @Nullable Instant approvedAt,
                @Nullable Instant suspendedAt, @Nullable String suspendedReason);

    void update(@Id UUID id, String name, String[] emailDomains);

    /** Records the sign-in accounts a suspension disabled, so that approval enables exactly those again. */
    void update(@Id UUID id, String[] suspendedUsers);

    boolean existsByIdAndStatus(UUID id, String status);

    /**
     * Holds the authority's row until the transaction ends, so that two approvals or suspensions of
     * one authority, each also changing its sign-in, happen one after the other and never interleave.
     */
    @Query("select id from authority where id = :id for update")
    Optional<UUID> lockById(UUID id);

    boolean existsByFirstAdminEmail(String firstAdminEmail);

    @Query("select exists (select 1 from authority where email_domains && cast(string_to_array(:domains, ',') as text[]))")
    boolean anyHasEmailDomainIn(String domains);

    /** Marks the registration rejected and frees the identifiers it claimed, keeping them on the record. */
    @Query("""
            update authority set status = 'REJECTED', rejected_at = :rejectedAt, rejected_by = :rejectedBy,
                   rejected_reason = :reason,
                   rejected_gss_code = gss_code, rejected_email_domains = email_domains,
                   rejected_first_admin_email = first_admin_email,
                   gss_code = null, email_domains = '{}', first_admin_email = null
            where id = :id""")
    int reject(UUID id, String reason, String rejectedBy, Instant rejectedAt);

    @Query("select rejected_reason as reason, rejected_by, rejected_at from authority"
            + " where id = :id and rejected_at is not null")
    Optional<Rejection> findRejection(UUID id);
}
