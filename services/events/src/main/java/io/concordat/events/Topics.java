package io.concordat.events;

/**
 * Kafka topic names, one per owning service. Records are keyed by the aggregate's id so that
 * one aggregate's events keep their order. A breaking change to a contract goes to a new
 * versioned topic; these names never change meaning.
 */
public final class Topics {

    /** Authorities, regions and memberships, owned by the tenants service. */
    public static final String TENANTS = "concordat.tenants.v1";

    /** Opportunities, vacancies, business cases and decisions, owned by the opportunities service. */
    public static final String OPPORTUNITIES = "concordat.opportunities.v1";

    /** Hosting arrangements, owned by the hosting service. */
    public static final String HOSTING = "concordat.hosting.v1";

    /** The audit trail's daily anchors, published by the reporting service, which keeps the trail. */
    public static final String AUDIT = "concordat.audit.v1";

    /** Partner systems' subscriptions, owned by the partner-events service. */
    public static final String PARTNERS = "concordat.partners.v1";

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The topic that receives records a consumer could not process after its bounded retries. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
