package io.concordat.partnerevents.domain;

import java.util.Collection;
import java.util.regex.Pattern;

/**
 * An event type a subscription asks for: an exact type ({@code io.concordat.arrangement.started.v1}),
 * a prefix ending in {@code *} ({@code io.concordat.arrangement.*}), or {@code *} for all. A
 * pattern must match at least one type the platform publishes, so a misspelt type is refused
 * rather than silently never matching.
 */
public record EventTypePattern(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\*|[a-z0-9][a-z0-9.-]{0,199}(\\.\\*)?");

    public static EventTypePattern parse(String value, Collection<String> knownTypes) {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw PartnerRuleException.invalid("unknown-event-type",
                    "An event type is a published type, a prefix ending in .* or *; got " + quoted(value) + ".");
        }
        EventTypePattern pattern = new EventTypePattern(value);
        if (knownTypes.stream().noneMatch(pattern::matches)) {
            throw PartnerRuleException.invalid("unknown-event-type",
                    "No event type the platform publishes matches " + quoted(value) + ".");
        }
        return pattern;
    }

    public boolean matches(String type) {
        if (value.equals("*")) {
            return true;
        }
        if (value.endsWith(".*")) {
            return type.startsWith(value.substring(0, value.length() - 1));
        }
        return value.equals(type);
    }

    private static String quoted(String value) {
        return value == null ? "nothing" : "\"" + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "\"";
    }
}
