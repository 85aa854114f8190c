package io.concordat.opportunities.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

@MappedEntity("known_authority")
public record KnownAuthorityRow(@Id UUID id, String name, String kind, @Nullable String gssCode, Instant registeredAt) {
}
