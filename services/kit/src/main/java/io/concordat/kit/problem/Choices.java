package io.concordat.kit.problem;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a named choice (an enum constant) from a request, case and separators forgiven,
 * answering 400 problem+json that lists the valid names when it is not one.
 */
public final class Choices {

    private Choices() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-" + what.replace(' ', '-'), "'" + value + "' is not " + (what.matches("(?i)[aeiou].*") ? "an " : "a ") + what
                        + "; use one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + "."));
    }

    /** As {@link #parse}, with null or blank meaning no choice. */
    public static <E extends Enum<E>> E parseOrNull(Class<E> type, String value, String what) {
        return value == null || value.isBlank() ? null : parse(type, value, what);
    }
}
