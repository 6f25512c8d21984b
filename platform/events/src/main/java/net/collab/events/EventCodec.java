package net.collab.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON form of event data. Unknown fields are ignored on reading, so that producers may
 * add optional fields within a contract version without breaking older consumers.
 */
public final class EventCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private EventCodec() {
    }

    public static String toJson(DomainEvent event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads event data of the given CloudEvents type.
     *
     * @throws UnknownEventTypeException when the type is not in the catalog
     * @throws MalformedEventException   when the data does not fit the contract
     */
    public static DomainEvent fromJson(String type, String json) {
        Class<? extends DomainEvent> eventClass = EventCatalog.byType(type)
                .orElseThrow(() -> new UnknownEventTypeException(type));
        try {
            DomainEvent event = MAPPER.readValue(json, eventClass);
            if (event == null) {
                throw new MalformedEventException(type, "empty data");
            }
            return event;
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new MalformedEventException(type, e.getMessage());
        }
    }

    /** Thrown for a type that this version of the contracts does not know. */
    public static final class UnknownEventTypeException extends RuntimeException {
        public UnknownEventTypeException(String type) {
            super("unknown event type: " + type);
        }
    }

    /** Thrown when event data cannot be read as its contract says. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String type, String detail) {
            super("malformed " + type + " event: " + detail);
        }
    }
}
