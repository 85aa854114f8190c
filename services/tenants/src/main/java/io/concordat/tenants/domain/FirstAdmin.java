package io.concordat.tenants.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** The person who administers an authority on the platform from its approval. */
public record FirstAdmin(String email, String firstName, String lastName) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /**
     * @throws InvalidRegistrationException when the email is malformed or a name is missing
     */
    public static FirstAdmin of(String email, String firstName, String lastName) {
        String cleanEmail = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(cleanEmail).matches()) {
            throw new InvalidRegistrationException("malformed-email", "'" + email + "' is not an email address.");
        }
        if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
            throw new InvalidRegistrationException("admin-name-required", "The first admin needs a first and a last name.");
        }
        return new FirstAdmin(cleanEmail, firstName.strip(), lastName.strip());
    }
}
