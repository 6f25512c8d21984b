package net.collab.registry.domain;

/** Refusals of the registry's rules; the api package turns them into problems. */
public abstract class RegistryException extends RuntimeException {

    protected RegistryException(String message) {
        super(message);
    }

    public static final class NotFound extends RegistryException {
        public NotFound(String what) {
            super(what);
        }
    }

    public static final class Conflict extends RegistryException {
        public Conflict(String message) {
            super(message);
        }
    }
}
