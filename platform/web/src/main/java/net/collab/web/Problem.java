package net.collab.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem document. {@code title} is in Chinese first with English beside it, as the
 * people reading it are; {@code detail} says what to change.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a request, named as the client sent it. */
    public record FieldError(String field, String message) {
    }
}
