package net.collab.events;

/**
 * An event record that can travel on a topic. Every implementation is a record annotated with
 * {@link EventContract} and listed in {@link EventCatalog}.
 */
public interface DomainEvent {
    /** The aggregate the event belongs to: the Kafka key and the CloudEvents {@code subject}. */
    String aggregateId();
}
