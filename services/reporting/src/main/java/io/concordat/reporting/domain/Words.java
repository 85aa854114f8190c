package io.concordat.reporting.domain;

import java.util.Locale;

/** Codes as people read them in reports. */
public final class Words {

    private Words() {
    }

    /** {@code APPROVED_WITH_CONDITIONS} as "Approved with conditions"; null as "". */
    public static String sentence(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.UK);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
