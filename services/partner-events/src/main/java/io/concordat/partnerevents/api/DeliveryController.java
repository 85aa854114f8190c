package io.concordat.partnerevents.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Roles;
import io.concordat.partnerevents.app.DeliveryLog;
import io.concordat.partnerevents.app.PartnerIdentity;
import io.concordat.partnerevents.app.PartnerRegistration;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The log of a subscription's webhook deliveries, every attempt of each, and re-sending by hand. */
@ProblemAnswers
@Controller("/api/v1/partner-events/subscriptions/{subscriptionId}/deliveries")
@Secured(Roles.PARTNER_SYSTEM)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DeliveryController {

    /** @param since re-send every delivery whose event happened at or after this instant */
    @Serdeable
    @Schema(examples = "{\"since\":\"2026-11-28T00:00:00Z\"}")
    public record ResendRequest(@Nullable Instant since) {
    }

    private final DeliveryLog log;

    private final PartnerRegistration registration;

    public DeliveryController(PartnerRegistration registration, DeliveryLog log) {
        this.registration = registration;
        this.log = log;
    }

    /** Lists a subscription's webhook deliveries, newest first. */
    @Get
    public List<DeliveryLog.Entry> list(Authentication auth, UUID subscriptionId,
                                        @QueryValue(defaultValue = "0") int offset,
                                        @QueryValue(defaultValue = "100") int limit) {
        return log.of(registration.identify(auth), subscriptionId, Math.max(0, offset), Math.min(Math.max(1, limit), 500));
    }

    /** One delivery with every attempt: status, duration and the start of the answer. */
    @Get("/{deliveryId}")
    public DeliveryLog.Entry one(Authentication auth, UUID subscriptionId, UUID deliveryId) {
        return log.one(registration.identify(auth), subscriptionId, deliveryId);
    }

    /** Sends one delivery again. */
    @Post("/{deliveryId}/resend")
    @Status(HttpStatus.ACCEPTED)
    public HttpResponse<Void> resend(Authentication auth, UUID subscriptionId, UUID deliveryId) {
        log.resend(registration.identify(auth), subscriptionId, deliveryId);
        return HttpResponse.accepted();
    }

    /** Sends again every delivery whose event happened at or after a time. */
    @Post("/resend")
    @Status(HttpStatus.ACCEPTED)
    public HttpResponse<Map<String, Integer>> resendSince(Authentication auth, UUID subscriptionId,
                                                          @Valid @Body ResendRequest request) {
        int count = log.resendSince(registration.identify(auth), subscriptionId, request.since());
        return HttpResponse.accepted().body(Map.of("resent", count));
    }
}
