package io.concordat.partnerevents.messaging;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.partnerevents.store.DirectoryCopies;
import io.concordat.partnerevents.store.EventLog;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Logs every platform event for partner delivery and replay, and keeps the copies that decide
 * who may read it: each aggregate's service area, and who takes part in each arrangement.
 */
@Singleton
public class EventLogWriter implements EventHandler {

    private static final Set<String> TOPICS = Set.of(Topics.TENANTS, Topics.OPPORTUNITIES, Topics.HOSTING);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final EventLog log;
    private final DirectoryCopies copies;
    private final JsonMapper json;

    public EventLogWriter(EventLog log, DirectoryCopies copies, JsonMapper json) {
        this.log = log;
        this.copies = copies;
        this.json = json;
    }

    @Override
    public Set<String> topics() {
        return TOPICS;
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        log.holdAppendOrder();
        Map<String, Object> data = body(event);
        if (data.get("serviceArea") instanceof String area) {
            copies.recordArea(event.subject(), area);
        }
        recordParties(event, data);
        log.append(topic, event, copies.areaOf(event.subject()).orElse(null));
    }

    private void recordParties(EventEnvelope event, Map<String, Object> data) {
        String subject = event.subject();
        LocalDate day = event.time().atZoneSameInstant(UK).toLocalDate();
        String type = event.type();
        if (type.equals(EventTypes.ARRANGEMENT_AGREED.type())) {
            copies.joins(subject, uuid(data.get("hostAuthorityId")), day);
            if (data.get("recipientAuthorityIds") instanceof List<?> recipients) {
                recipients.forEach(r -> copies.joins(subject, uuid(r), day));
            }
        } else if (type.equals(EventTypes.RECIPIENT_INVITED.type()) || type.equals(EventTypes.RECIPIENT_JOINED.type())) {
            copies.joins(subject, uuid(data.get("authorityId")), day);
        } else if (type.equals(EventTypes.HOST_TRANSFER_PROPOSED.type())) {
            copies.joins(subject, uuid(data.get("toAuthorityId")), day);
        } else if (type.equals(EventTypes.HOST_TRANSFERRED.type())) {
            copies.joins(subject, uuid(data.get("toAuthorityId")), day);
        } else if (type.equals(EventTypes.RECIPIENT_DECLINED.type())) {
            copies.leaves(subject, uuid(data.get("authorityId")), day);
        } else if (type.equals(EventTypes.RECIPIENT_LEFT.type())) {
            Object leftOn = data.get("leftOn");
            copies.leaves(subject, uuid(data.get("authorityId")), leftOn == null ? day : LocalDate.parse(leftOn.toString()));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(EventEnvelope event) {
        try {
            return json.readValue(event.data(), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("event " + event.id() + " has a body that is not JSON", e);
        }
    }

    private static UUID uuid(Object value) {
        return UUID.fromString(String.valueOf(value));
    }
}
