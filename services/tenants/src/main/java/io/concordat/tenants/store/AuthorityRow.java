package io.concordat.tenants.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("authority")
public record AuthorityRow(
        @Id UUID id,
        String name,
        String kind,
        @Nullable String gssCode,
        @TypeDef(type = DataType.STRING_ARRAY) String[] emailDomains,
        Instant registeredAt,
        String registeredBy,
        String status,
        @Nullable String firstAdminEmail,
        @Nullable String firstAdminFirstName,
        @Nullable String firstAdminLastName,
        @Nullable String organizationId,
        @Nullable Instant approvedAt,
        @Nullable Instant suspendedAt,
        @Nullable String suspendedReason,
        @TypeDef(type = DataType.STRING_ARRAY) String[] suspendedUsers) {
}
