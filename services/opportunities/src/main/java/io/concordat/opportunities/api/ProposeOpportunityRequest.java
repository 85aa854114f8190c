package io.concordat.opportunities.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A proposal to work with others on a service.
 *
 * @param title            a short title, e.g. "Shared elections service" (at most 200 characters)
 * @param serviceArea      a service area code, e.g. {@code support.elections}
 * @param description      what is proposed and why (optional, at most 20,000 characters)
 * @param regionIds        regions to share it with, each one the proposer belongs to; none keeps it
 *                         within the proposing authority
 * @param model            INFORMATION_AND_LEARNING, RECIPROCAL_COVER, BUY_AD_HOC, BUY_UNDER_SLA,
 *                         JOINT_PROVISION_WITH_HOST, SHARED_POST, SHARED_PROPERTY or JOINT_PROCUREMENT
 * @param trigger          VACANCY, RECRUITMENT_DIFFICULTY, CONTRACT_END, SAVINGS_TARGET, RESILIENCE_RISK or
 *                         EXTERNAL_PROGRAMME
 * @param horizon          QUICK_WIN (6 months), MEDIUM_TERM (12 months, the default) or LONG_TERM (full business case)
 * @param proposerRole     the proposer's own part: PROPOSER (the default), PROSPECTIVE_HOST or PROSPECTIVE_RECIPIENT
 */
@Serdeable
@Schema(examples = "{\"title\":\"Shared elections service\",\"serviceArea\":\"support.elections\",\"description\":\"One elections team for both councils, hosted by Redditch.\",\"regionIds\":[\"3a9c7e5b-1d2f-4a6b-9e8c-5f4d3c2b1a03\"],\"model\":\"JOINT_PROVISION_WITH_HOST\",\"trigger\":\"VACANCY\",\"horizon\":\"QUICK_WIN\",\"targetDecisionOn\":\"2027-01-01\",\"targetStartOn\":\"2027-04-01\",\"proposerRole\":\"PROSPECTIVE_RECIPIENT\"}")
public record ProposeOpportunityRequest(
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 100) String serviceArea,
        @Nullable @Size(max = 20_000) String description,
        @Nullable @Size(max = 20) List<UUID> regionIds,
        @Nullable String model,
        @Nullable String trigger,
        @Nullable String horizon,
        @Nullable LocalDate targetDecisionOn,
        @Nullable LocalDate targetStartOn,
        @Nullable String proposerRole) {
}
