package net.collab.messaging;

import net.collab.events.DomainEvent;
import net.collab.events.EventEnvelope;

/** An event read from a topic: its CloudEvents attributes and its data. */
public record IncomingEvent(EventEnvelope envelope, DomainEvent data) {
}
