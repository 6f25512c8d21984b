package net.collab.web;

import java.util.Arrays;
import java.util.stream.Collectors;
import net.collab.domain.Refusal;

/**
 * Reads query parameters that name a value of an enum. JAX-RS answers a parameter it cannot
 * convert with 404; people deserve a 400 naming the parameter and the values it takes.
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The whole number in {@code value}, {@code absent} when absent or blank; anything else is a 400 naming the parameter. */
    public static int integer(String parameter, String value, int absent) {
        String given = text(parameter, value);
        if (given == null) {
            return absent;
        }
        try {
            return Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw Refusal.invalid(parameter, "\"" + given + "\" is not a whole number");
        }
    }

    /**
     * The text in {@code value}, stripped; null when absent or blank. A NUL character is refused:
     * no text the network stores or looks for contains one (PostgreSQL's text cannot).
     */
    public static String text(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw Refusal.invalid(parameter, "must not contain the NUL character (U+0000)");
        }
        return value.strip();
    }

    /** The id in {@code value}, null when absent or blank; a malformed id is a 400 naming the parameter (not a 404). */
    public static java.util.UUID uuid(String parameter, String value) {
        String given = text(parameter, value);
        if (given == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(given);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(parameter, "\"" + value + "\" is not an id (a UUID such as 5f0d6a4e-1111-4c2b-9f7a-0d1e2f3a4b5c)");
        }
    }

    /** {@code true} or {@code false}; {@code absent} when not given. */
    public static boolean bool(String parameter, String value, boolean absent) {
        String given = text(parameter, value);
        if (given == null) {
            return absent;
        }
        if (!given.equals("true") && !given.equals("false")) {
            throw Refusal.invalid(parameter, "\"" + value + "\" is neither true nor false");
        }
        return Boolean.parseBoolean(given);
    }

    /** The constant named by {@code value}, null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        String given = text(parameter, value);
        if (given == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, given);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(parameter, "\"" + value + "\" is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
