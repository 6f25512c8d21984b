package net.collab.console.services;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service refused the request with an RFC 9457 problem: its title and detail for the page, and
 * the message for each field it named, to show next to that field.
 */
public class ServiceRefusal extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final Map<String, String> fieldErrors;

    public ServiceRefusal(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(status + " " + title + (detail == null ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** Field name as the service named it (e.g. {@code quantity}, {@code beneficiary.phone}) → message. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
