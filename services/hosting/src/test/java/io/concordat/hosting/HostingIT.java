package io.concordat.hosting;

import io.concordat.events.EventTypes;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.kit.testing.Eventually;
import io.concordat.kit.testing.ServiceTestProperties;
import io.concordat.kit.testing.Superuser;
import io.concordat.kit.testing.TestEvents;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostingIT implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return ServiceTestProperties.of("hosting");
    }

    @Test
    void learnsEachRegisteredAuthorityOnceFromTheTenantsTopic() {
        UUID bassetlaw = UUID.randomUUID();
        AuthorityRegistered registered = new AuthorityRegistered(bassetlaw, "Bassetlaw District Council", "DISTRICT",
                "E07000171", List.of("bassetlaw.gov.uk"), Instant.now());
        var event = TestEvents.publish(EventTypes.AUTHORITY_REGISTERED, bassetlaw.toString(), bassetlaw, registered);
        TestEvents.publish(EventTypes.AUTHORITY_REGISTERED.topic(), event);

        Eventually.until("Bassetlaw known to hosting", Duration.ofSeconds(60),
                () -> Superuser.count("hosting", "select count(*) from known_authority where id = '" + bassetlaw + "'") == 1);
        Eventually.until("the repeated event recognised", Duration.ofSeconds(30),
                () -> Superuser.count("hosting", "select count(*) from processed_event where event_id = '" + event.id() + "'") == 1);
    }

    @Test
    void answersItsHealthWithoutAToken() {
        assertEquals(HttpStatus.OK, http.toBlocking().exchange(HttpRequest.GET("/health"), String.class).getStatus());
    }
}
