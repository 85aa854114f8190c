package io.concordat.opportunities.api;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A vacant post, e.g. "Elections Manager", before the authority recruits to it.
 *
 * @param serviceArea a service area code, e.g. {@code support.elections}
 * @param grade       the post's grade in the authority's own scheme
 */
@Serdeable
@Schema(examples = "{\"title\":\"Elections Manager\",\"serviceArea\":\"support.elections\",\"grade\":\"M2\",\"closingDate\":\"2027-03-31\"}")
public record PostVacancyRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String serviceArea,
                          @NotBlank @Size(max = 50) String grade, @NotNull LocalDate closingDate) {
}
