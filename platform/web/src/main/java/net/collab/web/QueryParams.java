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

    /** The id in {@code value}, null when absent or blank; a malformed id is a 400 naming the parameter (not a 404). */
    public static java.util.UUID uuid(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.util.UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(parameter, "\"" + value + "\" is not an id (a UUID such as 5f0d6a4e-1111-4c2b-9f7a-0d1e2f3a4b5c)");
        }
    }

    /** The constant named by {@code value}, null when absent or blank. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(parameter, "\"" + value + "\" is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
