package io.concordat.partnerevents.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Roles;
import io.concordat.partnerevents.app.CloudEventBodies;
import io.concordat.partnerevents.app.PartnerIdentity;
import io.concordat.partnerevents.app.PartnerRegistration;
import io.concordat.partnerevents.app.Replay;
import io.concordat.partnerevents.domain.EventTypePattern;
import io.concordat.partnerevents.domain.LoggedEvent;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.sse.Event;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The events a partner may read, as a live Server-Sent Events stream (each {@code id:} a
 * position to resume from with {@code Last-Event-ID}) or as pages of JSON for systems that poll;
 * both can start from a time or an event id within the retention window.
 */
@ProblemAnswers
@Controller("/api/v1/partner-events")
@Secured(Roles.PARTNER_SYSTEM)
public class EventStreamController {

    private static final Duration POLL = Duration.ofMillis(200);

    /** A page of CloudEvents and where the next page starts ({@code after}). */
    @Serdeable
    public record EventPage(List<Map<String, Object>> events, long next) {
    }

    private final Replay replay;
    private final CloudEventBodies bodies;

    private final PartnerRegistration registration;

    public EventStreamController(PartnerRegistration registration, Replay replay, CloudEventBodies bodies) {
        this.registration = registration;
        this.replay = replay;
        this.bodies = bodies;
    }

    /** A page of the events the calling partner may read, from a position, a time or an event. */
    @Get("/events")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public EventPage page(Authentication auth, @Nullable @QueryValue Long after, @Nullable @QueryValue String since,
                          @Nullable @QueryValue UUID afterEvent, @Nullable @QueryValue List<String> types,
                          @QueryValue(defaultValue = "100") int limit) {
        PartnerIdentity partner = registration.identify(auth);
        long start = start(after, since, afterEvent, false);
        Replay.Page page = replay.after(partner, start, Math.min(Math.max(1, limit), 1000), typeFilter(types));
        return new EventPage(page.events().stream().map(bodies::of).toList(), page.next());
    }

    /** The live stream of the events the calling partner may read, as Server-Sent Events, resumable with Last-Event-ID. */
    @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Publisher<Event<Map<String, Object>>> stream(Authentication auth,
                                                         @Nullable @Header("Last-Event-ID") String lastEventId,
                                                         @Nullable @QueryValue String since,
                                                         @Nullable @QueryValue UUID afterEvent,
                                                         @Nullable @QueryValue List<String> types) {
        PartnerIdentity partner = registration.identify(auth);
        Long resume = lastEventId == null ? null : parsePosition(lastEventId);
        AtomicLong position = new AtomicLong(start(resume, since, afterEvent, true));
        Predicate<LoggedEvent> wanted = typeFilter(types);
        return Flux.interval(Duration.ZERO, POLL)
                .onBackpressureDrop()
                .concatMap(tick -> Flux.defer(() -> {
                    Replay.Page page = replay.after(partner, position.get(), 500, wanted);
                    position.set(page.next());
                    return Flux.fromIterable(page.events());
                }).subscribeOn(Schedulers.boundedElastic()), 1)
                .map(e -> Event.of(bodies.of(e)).id(Long.toString(e.position())).name(e.type()));
    }

    /** Where to start: a position, a time, an event, or (for the stream) now and for a page the beginning. */
    private long start(Long after, String since, UUID afterEvent, boolean live) {
        int given = (after != null ? 1 : 0) + (since != null ? 1 : 0) + (afterEvent != null ? 1 : 0);
        if (given > 1) {
            throw PartnerRuleException.invalid("replay-start", "Start from one of after, since or afterEvent.");
        }
        if (after != null) {
            if (after < 0) {
                throw PartnerRuleException.invalid("replay-start", "after is a position, 0 or more.");
            }
            return after;
        }
        if (since != null) {
            try {
                return replay.positionBefore(OffsetDateTime.parse(since));
            } catch (DateTimeParseException e) {
                throw PartnerRuleException.invalid("replay-start", "since is an instant such as 2026-05-01T09:00:00Z.");
            }
        }
        if (afterEvent != null) {
            return replay.positionOf(afterEvent);
        }
        return live ? replay.lastPosition() : 0L;
    }

    private static long parsePosition(String id) {
        try {
            long position = Long.parseLong(id.trim());
            if (position >= 0) {
                return position;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw PartnerRuleException.invalid("replay-start", "Last-Event-ID is the id of an event this stream sent.");
    }

    private static Predicate<LoggedEvent> typeFilter(List<String> types) {
        if (types == null || types.isEmpty()) {
            return e -> true;
        }
        List<EventTypePattern> patterns = types.stream().map(t -> EventTypePattern.parse(t,
                io.concordat.events.EventTypes.ALL.stream().map(io.concordat.events.EventType::type).toList())).toList();
        return e -> patterns.stream().anyMatch(p -> p.matches(e.type()));
    }
}
