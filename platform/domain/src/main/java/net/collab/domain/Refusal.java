package net.collab.domain;

import java.util.List;

/**
 * The one family of refusals that domain code throws: a rule of the network says no. It knows
 * nothing of HTTP or Kafka; {@code platform-web} turns each kind into an RFC 9457 problem
 * (404, 403, 409, 400, 503) and a consumer treats it as a failure that would recur on every try.
 * The message says what to change, in words a member of an organization understands.
 */
public abstract sealed class Refusal extends RuntimeException
        permits Refusal.NotFound, Refusal.Forbidden, Refusal.Conflict, Refusal.Invalid, Refusal.Unavailable {

    private Refusal(String message) {
        super(message, null, false, false); // a refusal is an answer, not a fault: no stack trace
    }

    public static NotFound notFound(String what) {
        return new NotFound(what);
    }

    public static Forbidden forbidden(String why) {
        return new Forbidden(why);
    }

    public static Conflict conflict(String why) {
        return new Conflict(why);
    }

    public static Invalid invalid(String field, String message) {
        return new Invalid(List.of(new FieldError(field, message)));
    }

    public static Unavailable unavailable(String what) {
        return new Unavailable(what);
    }

    /** One invalid field of a request, named as the client sent it. */
    public record FieldError(String field, String message) {
    }

    /** The thing named does not exist (or the caller may not know it does). */
    public static final class NotFound extends Refusal {
        private NotFound(String what) {
            super(what + " does not exist");
        }
    }

    /** The caller may not do this to this thing. */
    public static final class Forbidden extends Refusal {
        private Forbidden(String why) {
            super(why);
        }
    }

    /** The request contradicts the current state (e.g. deciding an application twice). */
    public static final class Conflict extends Refusal {
        private Conflict(String why) {
            super(why);
        }
    }

    /** Fields of the request name something that does not exist or does not fit. */
    public static final class Invalid extends Refusal {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(describe(errors));
            this.errors = List.copyOf(errors);
        }

        public List<FieldError> errors() {
            return errors;
        }

        private static String describe(List<FieldError> errors) {
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("an invalid request names at least one field");
            }
            return String.join("; ", errors.stream().map(error -> error.field() + ": " + error.message()).toList());
        }
    }

    /** A system this one depends on does not answer; trying again later may succeed. */
    public static final class Unavailable extends Refusal {
        private Unavailable(String what) {
            super(what);
        }
    }
}
