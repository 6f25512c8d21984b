package net.collab.registry.domain;

/** Refusals of the registry's rules; the api package turns them into problems. */
public abstract class RegistryException extends RuntimeException {

    protected RegistryException(String message) {
        super(message);
    }

    /** 404 */
    public static final class NotFound extends RegistryException {
        public NotFound(String what) {
            super(what);
        }
    }

    /** 409: the request contradicts the current state. */
    public static final class Conflict extends RegistryException {
        public Conflict(String message) {
            super(message);
        }
    }

    /** 403: the caller may not do this to this organization. */
    public static final class Forbidden extends RegistryException {
        public Forbidden(String message) {
            super(message);
        }
    }

    /** 503: a system the registry depends on does not answer. */
    public static final class Unavailable extends RegistryException {
        public Unavailable(String message) {
            super(message);
        }
    }

    /** 400: a field names something that does not exist or does not fit. */
    public static final class Invalid extends RegistryException {
        private final String field;

        public Invalid(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
