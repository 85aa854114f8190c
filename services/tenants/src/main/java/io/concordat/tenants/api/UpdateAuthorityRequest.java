package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Changes to an authority; what is left out stays as it is. */
@Serdeable
@Schema(examples = "{\"name\":\"Bromsgrove District Council\",\"emailDomains\":[\"bromsgrove.gov.uk\",\"bromsgroveandredditch.gov.uk\"]}")
public record UpdateAuthorityRequest(@Nullable @Size(min = 1, max = 200) String name,
                                     @Nullable @Size(max = 20) List<@Size(max = 253) String> emailDomains) {
}
