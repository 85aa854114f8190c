package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Request and answers about vacant posts and who might share them. */
public final class VacancyViews {

    private VacancyViews() {
    }

    /**
     * A vacant post, e.g. "Elections Manager", before the authority recruits to it.
     *
     * @param serviceArea a service area code, e.g. {@code support.elections}
     * @param grade       the post's grade in the authority's own scheme
     */
    @Serdeable
    public record PostVacancy(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 100) String serviceArea,
                              @NotBlank @Size(max = 50) String grade, @NotNull LocalDate closingDate) {
    }

    /** A vacancy as the API shows it. */
    @Serdeable
    public record Vacancy(UUID id, UUID authorityId, String authorityName, String title, String serviceArea,
                          String grade, LocalDate closingDate, String status, @Nullable UUID opportunityId,
                          Instant postedAt) {
    }

    /**
     * A council that might share a post or take part in an opportunity, and why it was suggested.
     *
     * @param score   higher is a stronger match
     * @param reasons each reason in words, e.g. "is also recruiting an Elections Manager, closing 1 May 2026"
     */
    @Serdeable
    public record Partner(UUID authorityId, String authorityName, int score, List<String> reasons,
                          List<String> sharedRegions) {
    }

    /** One of the caller's open vacancies and the councils that might share it. */
    @Serdeable
    public record Match(Vacancy vacancy, List<Partner> partners) {
    }
}
