package io.concordat.partnerevents.delivery;

import io.concordat.partnerevents.app.CloudEventBodies;
import io.concordat.partnerevents.app.WebhookAddresses;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.concordat.partnerevents.domain.WebhookSignature;
import io.concordat.partnerevents.domain.WebhookUrl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * Makes one attempt to post a signed event to a webhook: the address is checked again first,
 * redirects are not followed, and the attempt ends after its timeout.
 */
@Singleton
public class WebhookSender {

    private static final int EXCERPT = 500;

    /** What one attempt came to: the status if an answer came, and a word on it. */
    public record Outcome(Integer status, String outcome, String excerpt, long durationMs) {

        public boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }

        public boolean gone() {
            return status != null && status == 410;
        }
    }

    private final HttpClient http;
    private final Duration timeout;
    private final MeterRegistry meters;
    private final WebhookAddresses addresses;

    public WebhookSender(WebhookAddresses addresses,
                         @Value("${concordat.partners.webhooks.timeout:10s}") Duration timeout, MeterRegistry meters) {
        this.addresses = addresses;
        this.timeout = timeout;
        this.meters = meters;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** Sends one attempt and counts it, timed, by outcome ({@code concordat_webhook_deliveries_seconds}). */
    public Outcome send(WebhookUrl url, String webhookId, long timestampSeconds, byte[] body, List<String> secrets) {
        Outcome outcome = attempt(url, webhookId, timestampSeconds, body, secrets);
        String kind = outcome.status() != null && !outcome.delivered() ? "http-" + outcome.status() / 100 + "xx" : outcome.outcome();
        Timer.builder("concordat.webhook.deliveries").description("webhook delivery attempts, by outcome")
                .tag("outcome", kind).register(meters).record(Duration.ofMillis(outcome.durationMs()));
        return outcome;
    }

    private Outcome attempt(WebhookUrl url, String webhookId, long timestampSeconds, byte[] body, List<String> secrets) {
        long started = System.nanoTime();
        try {
            addresses.check(url);
        } catch (PartnerRuleException refused) {
            return new Outcome(null, "address-refused", refused.getMessage(), elapsed(started));
        }
        HttpRequest request = HttpRequest.newBuilder(url.uri()).timeout(timeout)
                .header("content-type", CloudEventBodies.MEDIA_TYPE)
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", WebhookSignature.header(secrets, webhookId, timestampSeconds, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            String excerpt;
            try (InputStream in = response.body()) {
                excerpt = new String(in.readNBytes(EXCERPT), StandardCharsets.UTF_8);
            }
            int status = response.statusCode();
            String word = status >= 200 && status < 300 ? "delivered" : status >= 300 && status < 400 ? "redirect-not-followed"
                    : "http-" + status;
            return new Outcome(status, word, excerpt, elapsed(started));
        } catch (HttpTimeoutException e) {
            return new Outcome(null, "timeout", "no answer within " + timeout.toMillis() + " ms", elapsed(started));
        } catch (IOException e) {
            return new Outcome(null, "connection-failed", String.valueOf(e.getMessage()), elapsed(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted", "the service was stopping", elapsed(started));
        }
    }

    private static long elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
