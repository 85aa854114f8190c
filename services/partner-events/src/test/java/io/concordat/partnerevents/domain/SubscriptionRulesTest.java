package io.concordat.partnerevents.domain;

import io.concordat.events.EventType;
import io.concordat.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionRulesTest {

    private static final List<String> TYPES = EventTypes.ALL.stream().map(EventType::type).toList();

    @Test
    void wildcardsMatchByPrefixAndAnUnknownTypeIsRefused() {
        EventTypePattern hosting = EventTypePattern.parse("io.concordat.arrangement.*", TYPES);
        assertTrue(hosting.matches(EventTypes.ARRANGEMENT_STARTED.type()));
        assertFalse(hosting.matches(EventTypes.OPPORTUNITY_PROPOSED.type()));
        assertTrue(EventTypePattern.parse("*", TYPES).matches(EventTypes.REGION_CREATED.type()));
        assertEquals("unknown-event-type", assertThrows(PartnerRuleException.class,
                () -> EventTypePattern.parse("io.concordat.arrangement.exploded.v1", TYPES)).rule());
        assertThrows(PartnerRuleException.class, () -> EventTypePattern.parse("io.*.started", TYPES));
    }

    @Test
    void aWebhookIsHttpsUnlessTheDeploymentAllowsHttp() {
        assertEquals("webhook-url-not-https", assertThrows(PartnerRuleException.class,
                () -> WebhookUrl.parse("http://finance.example/hook", false)).rule());
        assertDoesNotThrow(() -> WebhookUrl.parse("http://127.0.0.1:9/hook", true));
        assertThrows(PartnerRuleException.class, () -> WebhookUrl.parse("https://user:pw@finance.example/hook", false));
        assertEquals("webhook-url-too-long", assertThrows(PartnerRuleException.class,
                () -> WebhookUrl.parse("https://finance.example/" + "a".repeat(2048), false)).rule());
    }

    @Test
    void inProductionAWebhookReachesOnlyPublicAddresses() throws UnknownHostException {
        for (String address : List.of("127.0.0.1", "::1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "fd00::1", "fe80::1", "100.64.0.1", "0.0.0.0")) {
            assertThrows(PartnerRuleException.class, () -> AddressPolicy.PUBLIC_ONLY.check("h",
                    List.of(InetAddress.getByName(address))), address);
        }
        assertDoesNotThrow(() -> AddressPolicy.PUBLIC_ONLY.check("h", List.of(InetAddress.getByName("93.184.216.34"))));
        assertThrows(PartnerRuleException.class, () -> AddressPolicy.PUBLIC_ONLY.check("h",
                List.of(InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.1"))),
                "one private address among public ones is enough to refuse");
        AddressPolicy devstack = new AddressPolicy(true, false);
        assertDoesNotThrow(() -> devstack.check("h", List.of(InetAddress.getByName("127.0.0.1"))));
        assertThrows(PartnerRuleException.class, () -> devstack.check("h", List.of(InetAddress.getByName("169.254.169.254"))));
    }

    @Test
    void retriesBackOffExponentiallyWithJitterOverMoreThanThreeDays() {
        Duration total = RetrySchedule.WAITS.stream().reduce(Duration.ZERO, Duration::plus);
        assertTrue(total.compareTo(Duration.ofDays(3)) >= 0, "nominal span " + total);
        assertEquals(Duration.ofSeconds(5), RetrySchedule.WAITS.get(0));
        assertEquals(Duration.ofSeconds(10), RetrySchedule.WAITS.get(1));
        RetrySchedule low = new RetrySchedule(() -> 0.0);
        RetrySchedule high = new RetrySchedule(() -> 0.999);
        assertEquals(Duration.ofSeconds(4), low.after(1).orElseThrow());
        assertTrue(high.after(1).orElseThrow().compareTo(Duration.ofMillis(5_990)) > 0);
        assertTrue(low.after(RetrySchedule.attempts()).isEmpty(), "no attempt after the last");
    }

    @Test
    void theSignatureIsTheStandardWebhooksOne() {
        // the example of the Standard Webhooks specification's reference libraries
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String header = WebhookSignature.header(List.of(secret), "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L,
                "{\"test\": 2432232314}".getBytes());
        assertEquals("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", header);
        assertEquals(2, WebhookSignature.header(List.of(secret, WebhookSignature.newSecret()), "id", 1L, new byte[0])
                .split(" ").length, "during a rotation both signatures are sent");
    }
}
