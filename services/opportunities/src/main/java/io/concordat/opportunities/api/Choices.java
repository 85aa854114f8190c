package io.concordat.opportunities.api;

import io.concordat.kit.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads a named choice from a request, answering 400 with the valid names when it is not one. */
final class Choices {

    private Choices() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String what) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("unknown-" + what, "'" + value + "' is not a " + what
                        + "; use one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
                        .collect(Collectors.joining(", ")) + "."));
    }

    static <E extends Enum<E>> E parseOrNull(Class<E> type, String value, String what) {
        return value == null || value.isBlank() ? null : parse(type, value, what);
    }
}
