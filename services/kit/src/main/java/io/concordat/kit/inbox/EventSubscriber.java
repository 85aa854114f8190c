package io.concordat.kit.inbox;

/**
 * Applies chosen event types to a service's own data, each with its typed payload. Every bean of
 * this type is fed by the service's {@link IdempotentConsumer}; the topics it reads follow from
 * the types it subscribes to.
 */
public interface EventSubscriber {

    /**
     * Names the event types this subscriber applies, e.g.
     * {@code on.event(EventTypes.VACANCY_POSTED, (vacancy, event) -> store.vacancy(...))}.
     * Each handler runs inside the batch's transaction with the event's authority set as the
     * tenant, at most once per event id. A failure that would fail again (a rule, a constraint, a
     * row-level security refusal, an undecodable body) sends the event to the dead-letter topic
     * at once; a lost connection or a serialization failure is retried.
     */
    void subscribe(Subscriptions on);
}
