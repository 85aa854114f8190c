package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A council or other public body asking to become a tenant. It stays PENDING until a platform
 * admin approves it.
 *
 * @param name         its official name, e.g. "Bromsgrove District Council"
 * @param kind         DISTRICT, BOROUGH, COUNTY, UNITARY, METROPOLITAN_BOROUGH, LONDON_BOROUGH, SCOTTISH_COUNCIL,
 *                     WELSH_COUNCIL, NORTHERN_IRELAND_COUNCIL or OTHER_PUBLIC_BODY
 * @param gssCode      its ONS GSS code where it has one, e.g. E07000234
 * @param emailDomains the email domains its staff sign in with, e.g. bromsgrove.gov.uk
 * @param firstAdmin   who administers it on the platform once approved
 */
@Serdeable
@Schema(examples = "{\"name\":\"Bromsgrove District Council\",\"kind\":\"DISTRICT\",\"gssCode\":\"E07000234\",\"emailDomains\":[\"bromsgrove.gov.uk\"],\"firstAdmin\":{\"email\":\"it.admin@bromsgrove.gov.uk\",\"firstName\":\"Ada\",\"lastName\":\"Admin\"}}")
public record RegisterAuthorityRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 40) String kind,
        @Nullable @Size(max = 20) String gssCode,
        @Nullable @Size(max = 20) List<@Size(max = 253) String> emailDomains,
        @NotNull @Valid Person firstAdmin) {

    /** A person to provision. */
    @Serdeable
    public record Person(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
                         @NotBlank @Size(max = 100) String lastName) {
    }
}
