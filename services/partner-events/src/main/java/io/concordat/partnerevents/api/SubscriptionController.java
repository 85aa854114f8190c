package io.concordat.partnerevents.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Roles;
import io.concordat.partnerevents.app.PartnerIdentity;
import io.concordat.partnerevents.app.PartnerRegistration;
import io.concordat.partnerevents.app.Subscribing;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import jakarta.validation.Valid;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A partner system's own subscriptions. */
@ProblemAnswers
@Controller("/api/v1/partner-events/subscriptions")
@Secured(Roles.PARTNER_SYSTEM)
@ExecuteOn(TaskExecutors.BLOCKING)
public class SubscriptionController {

    private final Subscribing subscribing;

    private final PartnerRegistration registration;

    public SubscriptionController(PartnerRegistration registration, Subscribing subscribing) {
        this.registration = registration;
        this.subscribing = subscribing;
    }

    /** Subscribes the calling partner to event types, by webhook or on the stream. */
    @Post
    @Status(HttpStatus.CREATED)
    public SubscriptionView subscribe(Authentication auth, @Valid @Body SubscriptionRequest request) {
        Subscribing.Created created = subscribing.subscribe(registration.identify(auth), terms(request));
        return SubscriptionView.of(created.subscription(), created.signingSecret());
    }

    /** Lists the calling partner's subscriptions. */
    @Get
    public List<SubscriptionView> list(Authentication auth, @QueryValue(defaultValue = "0") int offset,
                                       @QueryValue(defaultValue = "100") int limit) {
        return subscribing.list(registration.identify(auth), Math.max(0, offset), Math.min(Math.max(1, limit), 500))
                .stream().map(s -> SubscriptionView.of(s, null)).toList();
    }

    /** One of the calling partner's subscriptions. */
    @Get("/{id}")
    public SubscriptionView get(Authentication auth, UUID id) {
        return SubscriptionView.of(subscribing.find(registration.identify(auth), id), null);
    }

    /** Changes a subscription: its event types, filters or destination. */
    @Put("/{id}")
    public SubscriptionView change(Authentication auth, UUID id, @Valid @Body SubscriptionRequest request) {
        return SubscriptionView.of(subscribing.change(registration.identify(auth), id, terms(request)), null);
    }

    /** Pauses a subscription: events are kept and sent on resuming. */
    @Post("/{id}/pause")
    public SubscriptionView pause(Authentication auth, UUID id) {
        return SubscriptionView.of(subscribing.pause(registration.identify(auth), id), null);
    }

    /** Resumes a paused subscription. */
    @Post("/{id}/resume")
    public SubscriptionView resume(Authentication auth, UUID id) {
        return SubscriptionView.of(subscribing.resume(registration.identify(auth), id), null);
    }

    /** A new signing secret, shown this once; the old one is still sent beside it for a day. */
    @Post("/{id}/secret")
    public Map<String, String> rotateSecret(Authentication auth, UUID id) {
        return Map.of("signingSecret", subscribing.rotateSecret(registration.identify(auth), id));
    }

    /** Deletes a subscription. */
    @Delete("/{id}")
    @Status(HttpStatus.NO_CONTENT)
    public HttpResponse<Void> unsubscribe(Authentication auth, UUID id) {
        subscribing.unsubscribe(registration.identify(auth), id);
        return HttpResponse.noContent();
    }

    private static Subscribing.Terms terms(SubscriptionRequest r) {
        return new Subscribing.Terms(r.eventTypes(), r.regionIds(), r.serviceAreas(), r.webhookUrl(),
                Boolean.TRUE.equals(r.stream()));
    }
}
