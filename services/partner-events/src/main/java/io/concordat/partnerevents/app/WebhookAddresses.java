package io.concordat.partnerevents.app;

import io.concordat.partnerevents.domain.AddressPolicy;
import io.concordat.partnerevents.domain.PartnerRuleException;
import io.concordat.partnerevents.domain.WebhookUrl;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Checks where a webhook may go, when it is subscribed and again before every attempt (a name
 * may resolve elsewhere later). Production allows https to public addresses only; a development
 * stack may allow http and loopback by configuration.
 */
@Singleton
public class WebhookAddresses {

    private final boolean httpAllowed;
    private final AddressPolicy policy;

    public WebhookAddresses(@Value("${concordat.partners.webhooks.allow-http:false}") boolean httpAllowed,
                            @Value("${concordat.partners.webhooks.allow-loopback:false}") boolean loopbackAllowed,
                            @Value("${concordat.partners.webhooks.allow-private:false}") boolean privateAllowed) {
        this.httpAllowed = httpAllowed;
        this.policy = new AddressPolicy(loopbackAllowed, privateAllowed);
    }

    public WebhookUrl parse(String url) {
        WebhookUrl parsed = WebhookUrl.parse(url, httpAllowed);
        check(parsed);
        return parsed;
    }

    /** @throws PartnerRuleException when the host does not resolve, or resolves to an address not allowed */
    public void check(WebhookUrl url) {
        String host = url.host();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            policy.check(url.host(), Arrays.asList(InetAddress.getAllByName(host)));
        } catch (UnknownHostException e) {
            throw PartnerRuleException.invalid("webhook-host-unresolvable", "The webhook host " + url.host() + " does not resolve.");
        }
    }
}
