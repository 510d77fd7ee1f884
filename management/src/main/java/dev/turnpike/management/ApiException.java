package dev.turnpike.management;

/**
 * A management call refused as API Gateway refuses it: the status, the {@code x-amzn-ErrorType} (the SDK turns it
 * into the exception class of that name) and the {@code message}.
 */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String errorType;

    ApiException(int status, String errorType, String message) {
        super(message, null, false, false);
        this.status = status;
        this.errorType = errorType;
    }

    static ApiException notFound(String message) {
        return new ApiException(404, "NotFoundException", message);
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, "BadRequestException", message);
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }
}
