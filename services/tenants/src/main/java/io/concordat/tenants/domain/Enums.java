package io.concordat.tenants.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

final class Enums {

    private Enums() {
    }

    /** Parses a name case-insensitively, or says which names there are. */
    static <E extends Enum<E>> E parse(Class<E> type, String value, String rule) {
        String wanted = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidRegistrationException(rule, "'" + value + "' is not one of "
                        + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
    }
}
