package net.collab.registry.domain;

/** Who asks: the identity provider's subject, and whether they hold the coordinator role. */
public record Actor(String subject, boolean coordinator) {
}
