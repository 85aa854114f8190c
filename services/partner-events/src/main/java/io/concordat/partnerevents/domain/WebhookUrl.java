package io.concordat.partnerevents.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a subscription's events are posted: an absolute https URL of at most 2,048 characters,
 * with a host and no user information or fragment. Plain http is accepted only where the
 * deployment allows it (a development stack).
 */
public record WebhookUrl(URI uri) {

    public static final int MAX_LENGTH = 2048;

    public static WebhookUrl parse(String value, boolean httpAllowed) {
        if (value == null || value.isBlank()) {
            throw PartnerRuleException.invalid("webhook-url", "A webhook subscription needs a url.");
        }
        if (value.length() > MAX_LENGTH) {
            throw PartnerRuleException.invalid("webhook-url-too-long",
                    "A webhook url has at most " + MAX_LENGTH + " characters; this one has " + value.length() + ".");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw PartnerRuleException.invalid("webhook-url", "The webhook url is not a URL: " + e.getReason() + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(httpAllowed && scheme.equals("http"))) {
            throw PartnerRuleException.invalid("webhook-url-not-https", "A webhook url must use https.");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw PartnerRuleException.invalid("webhook-url",
                    "A webhook url names a host, and has no user information or fragment.");
        }
        return new WebhookUrl(uri);
    }

    public String host() {
        return uri.getHost();
    }
}
