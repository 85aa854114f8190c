package io.concordat.gateway;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/**
 * One set of tag keys for every HTTP client timing. The proxy's client (the {@code upstream}
 * service id) tags its timings with {@code serviceId}; the other clients (fetching Keycloak's
 * signing keys) do not, and Prometheus refuses a second set of keys under one name, so whichever
 * came second was dropped with a warning. Timings without a service id get {@code serviceId="none"}.
 */
@Factory
class ClientTimingTags {

    static final String CLIENT_REQUESTS = "http.client.requests";
    static final String SERVICE_ID = "serviceId";

    @Singleton
    MeterFilter sameTagKeysForEveryClient() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (CLIENT_REQUESTS.equals(id.getName()) && id.getTag(SERVICE_ID) == null) {
                    return id.withTag(Tag.of(SERVICE_ID, "none"));
                }
                return id;
            }
        };
    }
}
