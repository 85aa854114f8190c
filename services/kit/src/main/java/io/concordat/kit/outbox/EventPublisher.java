package io.concordat.kit.outbox;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventType;
import io.concordat.kit.observability.KafkaTraceContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.TransactionStatus;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Publishes an event by writing it to the outbox inside the caller's transaction: the event
 * exists if and only if the change it reports commits. Kafka is never called here.
 */
@Singleton
public class EventPublisher {

    private static final String INSERT = """
            insert into outbox (event_id, topic, record_key, source, event_type, occurred_at, authority_id, region_ids, data, trace_context)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final TransactionOperations<Connection> transactions;
    private final EventCodec codec;
    private final String source;

    public EventPublisher(TransactionOperations<Connection> transactions, JsonMapper json,
                          @Value("${micronaut.application.name}") String serviceName) {
        this.transactions = transactions;
        this.codec = new EventCodec(json);
        this.source = "/concordat/" + serviceName;
    }

    /**
     * @param subject     the aggregate's id: the record key, so one aggregate's events stay in order
     * @param authorityId the authority the fact belongs to
     * @param regionIds   the regions it is shared with
     * @throws IllegalStateException when called outside a transaction
     */
    public <T> EventEnvelope publish(EventType<T> type, String subject, UUID authorityId, List<UUID> regionIds, T data) {
        TransactionStatus<?> status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException(
                        "events are written in the transaction of the change they report; none is active"));
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), source, type.type(),
                OffsetDateTime.now(ZoneOffset.UTC), subject, authorityId, regionIds, codec.encode(data));
        Connection connection = (Connection) status.getConnection();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            Array regions = connection.createArrayOf("uuid", envelope.regionIds().toArray());
            insert.setObject(1, envelope.id());
            insert.setString(2, type.topic());
            insert.setString(3, envelope.subject());
            insert.setString(4, envelope.source());
            insert.setString(5, envelope.type());
            insert.setObject(6, envelope.time());
            insert.setObject(7, envelope.authorityId());
            insert.setArray(8, regions);
            insert.setBytes(9, envelope.data());
            insert.setString(10, KafkaTraceContext.current());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new OutboxException("cannot write event " + envelope.type() + " to the outbox", e);
        }
        return envelope;
    }
}
