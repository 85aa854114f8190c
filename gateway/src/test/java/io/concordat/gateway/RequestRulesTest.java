package io.concordat.gateway;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestRulesTest {

    private final RequestRules rules = new RequestRules(1_048_576, List.of("https://hub.example.org/"));

    @Test
    void aTargetIsReadableOnlyWhenEveryEscapeIsCompleteUtf8WithoutControlEmptyOrDotSegments() {
        for (String ok : List.of("/", "/api/v1/tenants/authorities?q=Bromsgrove%20DC", "/api/v1/x?q=caf%C3%A9+bar",
                "/assets/app.css", "/api/v1/tenants/regions/a.b")) {
            assertEquals(Optional.empty(), RequestRules.problemWithTarget(ok), ok);
        }
        for (String bad : List.of("/a/%zz", "/a/%", "/a/%f", "/a%ff", "/a?q=%ff", "/a/%00", "/a/%0d%0a", "//a", "/a//b",
                "/a/../b", "/a/./b", "/a/..", "/%2e%2e/a", "a/b", "", "/a b", "/é")) {
            assertTrue(RequestRules.problemWithTarget(bad).isPresent(), bad);
        }
    }

    @Test
    void aBodyLargerThanTheLimitIs413AndAMalformedLengthIs400() {
        assertEquals(Optional.empty(), check("1048576", null, null));
        assertEquals(413, check("1048577", null, null).orElseThrow().status());
        assertEquals(400, check("-1", null, null).orElseThrow().status());
        assertEquals(400, check("12abc", null, null).orElseThrow().status());
    }

    @Test
    void onlyUnencodedBodiesPassTheGuard() {
        assertEquals(Optional.empty(), check(null, "identity", null));
        assertEquals(415, check(null, "compress", null).orElseThrow().status());
    }

    @Test
    void thePlatformsOwnPagesAndConfiguredOriginsMayCallTheApiAndNoOtherOrigin() {
        assertEquals(Optional.empty(), check(null, null, "http://127.0.0.1:8080"));
        assertEquals(Optional.empty(), check(null, null, "https://HUB.example.org"));
        assertEquals(403, check(null, null, "https://attacker.example").orElseThrow().status());
        assertEquals(403, check(null, null, "null").orElseThrow().status());
        assertEquals(403, check(null, null, "http://127.0.0.1:9999").orElseThrow().status());
    }

    private Optional<RequestRules.Refusal> check(String length, String encoding, String origin) {
        return rules.check(Optional.ofNullable(length), Optional.ofNullable(encoding), Optional.ofNullable(origin),
                Optional.of("127.0.0.1:8080"));
    }
}
