package net.collab.registry.domain;

/** A way to reach an organization or a person in it. */
public record Contact(String name, String role, String phone, String email, String address) {
}
