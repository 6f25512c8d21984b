package net.collab.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

import net.collab.events.EventCodec.MalformedEventException;

/**
 * The CloudEvents 1.0 attributes of one event. In Kafka binary mode they travel as headers
 * ({@code ce_id}, {@code ce_type}, ...) and the record value is the JSON data.
 *
 * @param id      unique per event; consumers deduplicate on it
 * @param source  the producing service, e.g. {@code registry-service}
 * @param type    e.g. {@code net.collab.organization.approved.v1}
 * @param subject the aggregate id, equal to the Kafka key
 * @param time    when the state change happened
 */
public record EventEnvelope(UUID id, String source, String type, String subject, OffsetDateTime time) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String HEADER_SPEC_VERSION = "ce_specversion";
    public static final String HEADER_ID = "ce_id";
    public static final String HEADER_SOURCE = "ce_source";
    public static final String HEADER_TYPE = "ce_type";
    public static final String HEADER_SUBJECT = "ce_subject";
    public static final String HEADER_TIME = "ce_time";
    /** Binary mode maps {@code datacontenttype} to the plain {@code content-type} header. */
    public static final String HEADER_CONTENT_TYPE = "content-type";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
    }

    /** The attributes as binary-mode headers, in a stable order. */
    public Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(HEADER_SPEC_VERSION, SPEC_VERSION);
        headers.put(HEADER_ID, id.toString());
        headers.put(HEADER_SOURCE, source);
        headers.put(HEADER_TYPE, type);
        if (subject != null) {
            headers.put(HEADER_SUBJECT, subject);
        }
        headers.put(HEADER_TIME, time.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME)); // RFC 3339: seconds always written
        headers.put(HEADER_CONTENT_TYPE, DATA_CONTENT_TYPE);
        return headers;
    }

    /**
     * Reads the attributes from binary-mode headers.
     *
     * @param header the value of a header by name, or null
     * @throws MalformedEventException when a required attribute is missing or unreadable
     */
    public static EventEnvelope fromHeaders(Function<String, String> header) {
        String type = header.apply(HEADER_TYPE);
        try {
            return new EventEnvelope(
                    UUID.fromString(required(header, HEADER_ID, type)),
                    required(header, HEADER_SOURCE, type),
                    required(header, HEADER_TYPE, type),
                    header.apply(HEADER_SUBJECT),
                    OffsetDateTime.parse(required(header, HEADER_TIME, type)));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MalformedEventException(String.valueOf(type), "bad CloudEvents header: " + e.getMessage());
        }
    }

    private static String required(Function<String, String> header, String name, String type) {
        String value = header.apply(name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException(String.valueOf(type), "missing header " + name);
        }
        return value;
    }
}
