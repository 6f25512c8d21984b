package net.collab.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds an event record to its topic and its CloudEvents type. The type carries the contract
 * version: within a version only optional fields may be added; anything else is a new version.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventContract {
    String topic();

    /** CloudEvents {@code type}, e.g. {@code net.collab.need.posted.v1}. */
    String type();
}
