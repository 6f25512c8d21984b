package net.collab.console.api;

import java.util.UUID;

import jakarta.ws.rs.NotFoundException;

/** Ids from the address bar: a malformed one is a page that does not exist, not an error. */
final class Ids {

    private Ids() {
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NotFoundException();
        }
    }
}
