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

    /**
     * A vacancy as the API shows it.
     *
     * @param status    OPEN, FILLED, WITHDRAWN, or OPPORTUNITY_OPENED (recruitment stopped while
     *                  sharing the post is considered)
     * @param recruiting open and its closing date not passed: it surfaces to other councils
     * @param closedOn  when it closed, or null while open
     */
    @Serdeable
    public record Vacancy(UUID id, UUID authorityId, String authorityName, String title, String serviceArea,
                          String grade, LocalDate closingDate, String status, @Nullable UUID opportunityId,
                          Instant postedAt, boolean recruiting, @Nullable LocalDate closedOn) {
    }

    /**
     * Closes a vacancy.
     *
     * @param reason FILLED or WITHDRAWN
     */
    @Serdeable
    public record CloseVacancy(@NotBlank String reason) {
    }

    /**
     * Opens an opportunity to share a vacant post instead of recruiting to it.
     *
     * @param role      the part the council whose post it is takes: PROSPECTIVE_RECIPIENT (the
     *                  default: another council would host the shared post), PROSPECTIVE_HOST or PROPOSER
     * @param regionIds regions to share it with, each one the council belongs to; by default all of them
     */
    @Serdeable
    public record OpenOpportunity(@Nullable String role, @Nullable @Size(max = 20) List<UUID> regionIds) {
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
