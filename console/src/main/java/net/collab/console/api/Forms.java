package net.collab.console.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/** From an HTML form to the JSON a service takes: blank fields are left out, so the service says what is missing. */
final class Forms {

    private Forms() {
    }

    static String text(MultivaluedMap<String, String> form, String field) {
        String value = form.getFirst(field);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The fields named, as the form sent them (blank ones left out). */
    static Map<String, Object> fields(MultivaluedMap<String, String> form, String... names) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String name : names) {
            String value = text(form, name);
            if (value != null) {
                body.put(name, value);
            }
        }
        return body;
    }

    /** Every value of a multi-valued field (check boxes, multiple selects). */
    static List<String> all(MultivaluedMap<String, String> form, String field) {
        List<String> values = new ArrayList<>();
        List<String> sent = form.get(field);
        if (sent != null) {
            sent.stream().filter(value -> value != null && !value.isBlank()).map(String::strip).forEach(values::add);
        }
        return values;
    }

    /**
     * A date picked on the form means "by the end of that day" in China's time zone; anything else
     * is passed on as typed, for the service to refuse with its own words.
     */
    static Object endOfDay(String date) {
        if (date == null) {
            return null;
        }
        try {
            return LocalDate.parse(date).atTime(LocalTime.of(23, 59)).atZone(Formats.ZONE).toOffsetDateTime().toString();
        } catch (DateTimeParseException e) {
            return date;
        }
    }

    /** What the form showed, to show it again with the errors beside it. */
    static Map<String, String> echo(MultivaluedMap<String, String> form) {
        Map<String, String> echo = new LinkedHashMap<>();
        form.forEach((field, values) -> echo.put(field, values.isEmpty() ? "" : values.get(0)));
        return echo;
    }
}
