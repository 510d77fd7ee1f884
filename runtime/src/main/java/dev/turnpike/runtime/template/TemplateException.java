package dev.turnpike.runtime.template;

/**
 * A mapping template that does not parse, or that failed while rendering. The message names the template, the
 * line and the column: {@code "<name> line L, column C: reason"}.
 *
 * <p>A render failure makes API Gateway answer {@code 500 Internal server error}, except a request body that starts
 * like JSON but does not parse when the template reads it with {@code $input.path/json}: that is a {@code 400}
 * whose message is {@link #clientMessage()} (SEMANTICS.md §2.7).
 */
public final class TemplateException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String templateName;
    private final int line;
    private final int column;
    private final String reason;
    private final int status;
    private final String clientMessage;

    TemplateException(String templateName, int line, int column, String reason, Throwable cause) {
        this(templateName, line, column, reason, 500, "Internal server error", cause);
    }

    TemplateException(String templateName, int line, int column, String reason, int status, String clientMessage,
            Throwable cause) {
        super(templateName + " line " + line + ", column " + column + ": " + reason, cause);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.reason = reason;
        this.status = status;
        this.clientMessage = clientMessage;
    }

    /** The template's name as given to {@link MappingTemplate#parse}. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line in the template source; 0 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column in the template source; 0 when unknown. */
    public int column() {
        return column;
    }

    /** What went wrong, without the location. */
    public String reason() {
        return reason;
    }

    /** The status API Gateway answers for this failure: 500, or 400 for an unparseable JSON payload. */
    public int status() {
        return status;
    }

    /** The {@code message} of the error body API Gateway sends the client. */
    public String clientMessage() {
        return clientMessage;
    }
}
