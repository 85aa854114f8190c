package io.concordat.kit.inbox;

import io.concordat.events.CloudEventsKafka;
import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.opportunities.v1.VacancyPosted;
import io.micronaut.serde.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** Records, an in-memory inbox and a transaction that undoes it, for the consumer's unit tests. */
final class InboxFixtures {

    static final EventCodec CODEC = new EventCodec(ObjectMapper.getDefault());
    static final UUID AUTHORITY = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final String POISON_WRITE = "poison write";

    private InboxFixtures() {
    }

    static EventEnvelope vacancy(String title) {
        VacancyPosted posted = new VacancyPosted(UUID.randomUUID(), AUTHORITY, title, "ELECTIONS", "M1",
                LocalDate.of(2026, 12, 1), Instant.parse("2026-11-01T10:00:00Z"));
        return new EventEnvelope(UUID.randomUUID(), "/concordat/test", EventTypes.VACANCY_POSTED.type(),
                OffsetDateTime.now(ZoneOffset.UTC), posted.vacancyId().toString(), AUTHORITY, List.of(),
                CODEC.encode(posted));
    }

    static ConsumerRecord<String, byte[]> record(EventEnvelope event, int partition, long offset) {
        ProducerRecord<String, byte[]> out = CloudEventsKafka.toRecord(EventTypes.VACANCY_POSTED.topic(), event);
        return new ConsumerRecord<>(out.topic(), partition, offset, 0L, TimestampType.CREATE_TIME,
                ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, out.key(), out.value(), out.headers(), Optional.empty());
    }

    static ConsumerRecord<String, byte[]> garbage(int partition, long offset) {
        return new ConsumerRecord<>(EventTypes.VACANCY_POSTED.topic(), partition, offset, "key",
                "not a cloud event".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Keeps processed ids and effects in memory; a mark is the effects' length, a transaction that
     * throws puts both back as they were.
     */
    static final class MemoryInbox implements InboxStore, BatchApplier.Transaction {
        final Set<UUID> processed = new HashSet<>();
        final List<String> effects = new ArrayList<>();
        final List<UUID> actedFor = new ArrayList<>();
        /** Writes gathered for the next flush; one naming {@link #POISON_WRITE} fails there. */
        final List<String> gathered = new ArrayList<>();
        /** Whom each flush's writes ran as: "platform" or an authority id. */
        final List<String> flushedAs = new ArrayList<>();
        int platformScopes;
        int transactions;
        int claims;
        private String tenant = "none";

        @Override
        public void beginBatch() {
        }

        @Override
        public Set<UUID> claim(List<Delivered> events) {
            claims++;
            Set<UUID> fresh = new HashSet<>();
            for (Delivered d : events) {
                if (processed.add(d.event().id())) {
                    fresh.add(d.event().id());
                }
            }
            return fresh;
        }

        @Override
        public void forget(UUID eventId) {
            processed.remove(eventId);
        }

        @Override
        public void actFor(UUID authorityId) {
            actedFor.add(authorityId);
            tenant = authorityId.toString();
        }

        @Override
        public void actForPlatform() {
            platformScopes++;
            tenant = "platform";
        }

        @Override
        public void flushWrites() {
            if (gathered.isEmpty()) {
                return;
            }
            try {
                if (gathered.contains(POISON_WRITE)) {
                    throw new IllegalStateException("batched update failed",
                            new SQLException("new row violates row-level security policy", "42501"));
                }
                effects.addAll(gathered);
                flushedAs.add(tenant);
            } finally {
                gathered.clear();
            }
        }

        @Override
        public void dropWrites() {
            gathered.clear();
        }

        @Override
        public void endBatch() {
            gathered.clear();
        }

        @Override
        public Object mark() {
            return effects.size();
        }

        @Override
        public void rollbackTo(Object mark) {
            effects.subList((Integer) mark, effects.size()).clear();
            tenant = "none";
        }

        @Override
        public void release(Object mark) {
        }

        @Override
        public <T> T run(Supplier<T> work) {
            transactions++;
            Set<UUID> processedBefore = new HashSet<>(processed);
            List<String> effectsBefore = new ArrayList<>(effects);
            try {
                return work.get();
            } catch (RuntimeException e) {
                processed.clear();
                processed.addAll(processedBefore);
                effects.clear();
                effects.addAll(effectsBefore);
                throw e;
            }
        }
    }
}
