package net.collab.registry.domain;

import java.util.Optional;

/** The identity provider's directory of people (Keycloak), as far as the registry needs it. */
public interface IdentityDirectory {

    /** The subject of the one person with exactly this e-mail, if there is one. */
    Optional<String> subjectByEmail(String email);
}
