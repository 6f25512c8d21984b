package net.collab.notification.domain;

import java.util.UUID;

/** Who an item is for: an organization's members, everyone with a role in the network, or one person. */
public sealed interface Audience {

    record Organization(UUID id) implements Audience {
    }

    /** Everyone holding the role, e.g. {@code coordinator}: those who have signed in with it. */
    record Role(String name) implements Audience {
    }

    record Person(String subject) implements Audience {
    }

    static Audience organization(UUID id) {
        return new Organization(id);
    }

    /** The role of those who coordinate the network (the identity provider's role name). */
    String COORDINATOR = "coordinator";

    static Audience coordinators() {
        return new Role(COORDINATOR);
    }

    static Audience person(String subject) {
        return new Person(subject);
    }
}
