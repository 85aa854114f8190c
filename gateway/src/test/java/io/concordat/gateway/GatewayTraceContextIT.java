package io.concordat.gateway;

import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.testing.TestTokens;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayTraceContextIT implements TestPropertyProvider {

    private static final String CLIENT_TRACE = "0af7651916cd43dd8448eb211c80319c";

    private final StandInService upstream = new StandInService();
    private final TestTokens tokens = TestTokens.get();

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        // every route to the stand-in; the rate limits' database and free ports as every gateway test has them
        return GatewayTestProperties.of(upstream.url());
    }

    @AfterAll
    void stopUpstream() {
        upstream.close();
    }

    @Test
    void theServiceIsCalledInTheRequestsTraceWithItsRequestIdAndTheTraceIdIsAnswered() {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);

        HttpResponse<String> response = http.toBlocking().exchange(
                HttpRequest.GET("/api/v1/opportunities/abc").bearerAuth(token), String.class);

        assertEquals(HttpStatus.OK, response.getStatus());
        String traceId = response.header("X-Trace-Id");
        assertNotNull(traceId, "the trace id is answered");
        StandInService.Received seen = upstream.received().get(upstream.received().size() - 1);
        List<String> traceparent = seen.headers().get("traceparent");
        assertEquals(1, traceparent.size(), "one trace context, the gateway's own: " + traceparent);
        assertEquals(traceId, traceparent.get(0).split("-")[1]);
        assertEquals(response.header("X-Request-Id"), seen.headers().getFirst("X-Request-Id"),
                "the service logs the gateway's request id");
    }

    @Test
    void aCallersTraceContextIsContinuedAndNotPassedOnAsItCame() {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);
        String clientParent = "00-" + CLIENT_TRACE + "-b7ad6b7169203331-01";

        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/api/v1/reporting/pipeline")
                .bearerAuth(token).header("traceparent", clientParent), String.class);

        assertEquals(CLIENT_TRACE, response.header("X-Trace-Id"));
        StandInService.Received seen = upstream.received().get(upstream.received().size() - 1);
        List<String> traceparent = seen.headers().get("traceparent");
        assertEquals(1, traceparent.size());
        assertTrue(traceparent.get(0).startsWith("00-" + CLIENT_TRACE + "-"));
        assertNotEquals(clientParent, traceparent.get(0), "the gateway's span is the service's parent");
    }

    @Test
    void aRefusedRequestIsAnsweredWithItsTraceIdToo() {
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(HttpRequest.GET("/api/v1/reporting/pipeline"), String.class));

        assertEquals(HttpStatus.UNAUTHORIZED, refused.getStatus());
        assertEquals(32, refused.getResponse().header("X-Trace-Id").length());
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenIsReplaced() {
        String token = tokens.forAuthority(UUID.randomUUID(), Roles.AUTHORITY_OFFICER);

        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/api/v1/tenants/x")
                .bearerAuth(token).header("X-Request-Id", "evil\" injected {json}"), String.class);

        String id = response.header("X-Request-Id");
        assertEquals(id, UUID.fromString(id).toString());
    }
}
