package io.concordat.partnerevents.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.partnerevents.app.PartnerRegistration;
import io.concordat.partnerevents.store.Partners;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An authority's (or a region's) partner systems, registered and managed by its admins. */
@ProblemAnswers
@Controller("/api/v1/partner-events/partners")
@Secured({Roles.AUTHORITY_ADMIN, Roles.REGION_ADMIN})
@ExecuteOn(TaskExecutors.BLOCKING)
public class PartnerController {

    /**
     * @param name     what the partner system is, e.g. "Bromsgrove finance system"
     * @param regionId for a region's hub: the region whose shared events it receives
     */
    @Serdeable
    @Schema(examples = "{\"name\":\"Bromsgrove finance system\"}")
    public record RegisterPartnerRequest(@NotBlank @Size(max = 120) String name, @Nullable UUID regionId) {
    }

    /** A partner system; {@code clientSecret} only in the answer that registered it. */
    @Serdeable
    public record PartnerView(String clientId, String name, @Nullable UUID authorityId, @Nullable UUID regionId,
                              boolean enabled, String registeredBy, java.time.Instant registeredAt,
                              @Nullable String clientSecret) {

        static PartnerView of(Partners.Partner p, String secret) {
            return new PartnerView(p.id(), p.name(), p.authorityId(), p.regionId(), p.enabled(), p.registeredBy(),
                    p.registeredAt(), secret);
        }
    }

    private final PartnerRegistration registration;

    public PartnerController(PartnerRegistration registration) {
        this.registration = registration;
    }

    /** Registers a partner system of the caller's council (or region); its client secret is in this answer only. */
    @Post
    @Status(HttpStatus.CREATED)
    public PartnerView register(Caller caller, @Valid @Body RegisterPartnerRequest request) {
        PartnerRegistration.Registered registered = registration.register(caller, request.name(), request.regionId());
        return PartnerView.of(registered.partner(), registered.clientSecret());
    }

    /** Lists the partner systems of the caller's council. */
    @Get
    public List<PartnerView> list(Caller caller, @QueryValue(defaultValue = "0") int offset,
                                  @QueryValue(defaultValue = "100") int limit) {
        return registration.list(caller, Math.max(0, offset), Math.min(Math.max(1, limit), 500)).stream()
                .map(p -> PartnerView.of(p, null)).toList();
    }

    /** A new client secret, shown this once; the old one stops working. */
    @Post("/{clientId}/secret")
    public Map<String, String> rotateSecret(Caller caller, String clientId) {
        return Map.of("clientSecret", registration.rotateSecret(caller, clientId));
    }

    /** Disables a partner system: its tokens are refused from now on. */
    @Post("/{clientId}/disable")
    public PartnerView disable(Caller caller, String clientId) {
        return PartnerView.of(registration.disable(caller, clientId), null);
    }
}
