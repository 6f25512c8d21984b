package net.collab.console.services;

/** A service did not answer (down, restarting, or too slow): the page says so instead of failing. */
public class ServiceUnavailable extends RuntimeException {

    private final Service service;

    public ServiceUnavailable(Service service, Throwable cause) {
        super(service + " did not answer: " + cause, cause);
        this.service = service;
    }

    public Service service() {
        return service;
    }
}
