package net.collab.console.services;

/** The services the console acts on, each with its own base URL. */
public enum Service {
    REGISTRY, ACTION, MATCHING, NOTIFICATION
}
