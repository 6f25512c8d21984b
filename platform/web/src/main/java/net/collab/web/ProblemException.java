package net.collab.web;

import java.util.List;

/** A refusal with its HTTP status, turned into a problem document by {@link ProblemMappers}. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String type;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "请求无效 Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "无权操作 Forbidden", detail, null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "not-found", "未找到 Not found", what + " does not exist", null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "冲突 Conflict", detail, null);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String type() {
        return type;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
