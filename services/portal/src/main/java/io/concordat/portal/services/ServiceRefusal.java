package io.concordat.portal.services;

/**
 * A service refused what the portal asked on the user's behalf, with its problem+json: the page
 * shows it (an error summary on a form, "page not found" for what the user may not see).
 *
 * @param status HTTP status
 * @param type   the problem's stable type slug, e.g. {@code unknown-service-area}
 * @param field  the field it names, when it names one
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final String type;
    private final String field;

    public ServiceRefusal(int status, String type, String detail, String field) {
        super(detail);
        this.status = status;
        this.type = type;
        this.field = field;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }

    public String detail() {
        return getMessage();
    }
}
