package io.concordat.reporting.app;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import io.concordat.events.audit.v1.AuditTrailAnchored;
import io.concordat.kit.outbox.EventPublisher;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.domain.AuditChain;
import io.concordat.reporting.domain.AuditEntry;
import io.concordat.reporting.domain.AuditVerification;
import io.concordat.reporting.store.AuditTrailStore;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The tamper-evident record of decisions: board votes and recommendations, council decisions and approvals,
 * host transfers, terminations, authorities' approval, rejection and suspension. Each such event
 * is appended once, in the order reporting reads it, to a hash chain ({@link AuditChain}); each UTC
 * day's last hash is published as {@code AuditTrailAnchored}.
 */
@Singleton
public class AuditTrail {

    /** The decisions recorded, and who gave or took whose access; a new kind is one more line here. */
    public static final Set<EventType<?>> AUDITED = Set.of(
            EventTypes.BOARD_VOTE_CAST,
            EventTypes.BOARD_RECOMMENDATION_RECORDED,
            EventTypes.COUNCIL_DECISION_RECORDED,
            EventTypes.OPPORTUNITY_APPROVED,
            EventTypes.HOST_TRANSFER_PROPOSED,
            EventTypes.HOST_TRANSFER_ACCEPTED,
            EventTypes.HOST_TRANSFER_DECLINED,
            EventTypes.HOST_TRANSFERRED,
            EventTypes.ARRANGEMENT_TERMINATED,
            EventTypes.AUTHORITY_APPROVED,
            EventTypes.AUTHORITY_REJECTED,
            EventTypes.AUTHORITY_SUSPENDED,
            EventTypes.STAFF_INVITED,
            EventTypes.ROLE_GRANTED,
            EventTypes.ROLE_REVOKED,
            EventTypes.STAFF_REMOVED);

    private static final Set<String> AUDITED_TYPES = AUDITED.stream().map(EventType::type).collect(Collectors.toSet());
    private static final UUID PLATFORM = new UUID(0, 0);

    private final AuditTrailStore store;
    private final TenantTransactions transactions;
    private final EventPublisher events;
    private final Clock clock;
    private final JsonMapper json;

    public AuditTrail(AuditTrailStore store, TenantTransactions transactions, EventPublisher events, JsonMapper json) {
        this.store = store;
        this.json = json;
        this.transactions = transactions;
        this.events = events;
        this.clock = Clock.systemUTC();
    }

    /** The topics whose events the trail reads. */
    /** Whether events of {@code type} are decisions the trail records. */
    public static boolean audits(String type) {
        return AUDITED_TYPES.contains(type);
    }

    public static Set<String> topics() {
        return AUDITED.stream().map(EventType::topic).collect(Collectors.toSet());
    }

    /**
     * Appends a decision's event, inside the consumer's transaction; other events, and an event
     * already recorded (read again in a rebuild), change nothing.
     */
    public void record(EventEnvelope event) {
        if (!AUDITED_TYPES.contains(event.type())) {
            return;
        }
        transactions.actAsPlatform();
        store.lockForAppend();
        if (store.recorded(event.id())) {
            return;
        }
        AuditEntry previous = store.last().orElse(null);
        store.append(AuditChain.next(previous, event.id(), event.type(), event.authorityId(), event.subject(),
                event.time().toInstant(), event.data()), partiesTo(event));
    }

    /**
     * The authorities a decision names: the event's own and every authority id in its body (the
     * deciding council, the councillor's council, both hosts of a transfer), so each reads the entry.
     */
    private Set<UUID> partiesTo(EventEnvelope event) {
        Set<UUID> parties = new TreeSet<>();
        if (!PLATFORM.equals(event.authorityId())) {
            parties.add(event.authorityId());
        }
        try {
            Map<String, Object> body = json.readValue(event.data(), Argument.mapOf(String.class, Object.class));
            body.forEach((field, value) -> {
                if ((field.equals("authorityId") || field.endsWith("AuthorityId")) && value instanceof String id) {
                    parseUuid(id).ifPresent(parties::add);
                }
            });
        } catch (IOException unreadable) {
            throw new IllegalStateException("event " + event.id() + " has a body that is not a JSON object", unreadable);
        }
        return parties;
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    /** Checks the whole trail and the anchors published of it, as the platform. */
    public AuditVerification verify() {
        return transactions.asPlatform(AuditTrail::verify);
    }

    /** Checks the whole trail on a connection that acts as the platform: the service's and the command's one check. */
    public static AuditVerification verify(Connection platform) {
        List<AuditEntry> chain = AuditTrailStore.chain(platform);
        return AuditChain.verify(chain.iterator(), AuditTrailStore.anchors(platform));
    }

    /** The entries of decisions the caller's authority took part in (the platform: all), oldest first. */
    public List<AuditEntry> entries(Caller caller) {
        return transactions.read(caller, connection -> store.visible());
    }

    /**
     * Anchors a finished UTC day: records and publishes the hash of the last entry appended before
     * its end. A day already anchored is left as it was.
     *
     * @return the anchor published, or empty when the day was anchored before or has not ended
     */
    public Optional<AuditTrailAnchored> anchor(LocalDate day) {
        Instant end = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant now = clock.instant();
        if (!end.isBefore(now) && !end.equals(now)) {
            return Optional.empty();
        }
        return transactions.asPlatform(connection -> {
            store.lockForAppend();
            if (store.anchored(day)) {
                return Optional.empty();
            }
            Optional<AuditEntry> last = store.lastRecordedBefore(end);
            long sequence = last.map(AuditEntry::sequence).orElse(0L);
            String hash = last.map(AuditEntry::hash).orElse(AuditChain.GENESIS);
            store.anchor(day, sequence, hash, sequence, now);
            AuditTrailAnchored anchored = new AuditTrailAnchored(day, sequence, hash, sequence, now);
            events.publish(EventTypes.AUDIT_TRAIL_ANCHORED, day.toString(), PLATFORM, List.of(), anchored);
            return Optional.of(anchored);
        });
    }
}
