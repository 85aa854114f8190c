package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Changes to an authority; what is left out stays as it is. */
@Serdeable
public record UpdateAuthorityRequest(@Nullable @Size(min = 1, max = 200) String name,
                                     @Nullable @Size(max = 20) List<@Size(max = 253) String> emailDomains) {
}
