package dev.turnpike.runtime.response;

/**
 * API Gateway's gateway response types with AWS's default status, message and {@code x-amzn-ErrorType}. Where
 * AWS's value is not recorded in shared/conformance, the choice is written in docs/features.md.
 */
public enum GatewayResponseType {
    ACCESS_DENIED(403, "User is not authorized to access this resource", "AccessDeniedException"),
    API_CONFIGURATION_ERROR(500, "Internal server error", "InternalServerErrorException"),
    /** Recorded by AWS users: the body is {@code {"message": null}}. */
    AUTHORIZER_CONFIGURATION_ERROR(500, null, "AuthorizerConfigurationException"),
    AUTHORIZER_FAILURE(500, "Internal server error", "InternalServerErrorException"),
    BAD_REQUEST_PARAMETERS(400, "Bad request", "BadRequestException"),
    BAD_REQUEST_BODY(400, "Invalid request body", "BadRequestException"),
    DEFAULT_4XX(400, "Bad request", "BadRequestException"),
    DEFAULT_5XX(500, "Internal server error", "InternalServerErrorException"),
    EXPIRED_TOKEN(403, "Signature expired", "InvalidSignatureException"),
    INTEGRATION_FAILURE(504, "Internal server error", "InternalServerErrorException"),
    INTEGRATION_TIMEOUT(504, "Endpoint request timed out", "InternalServerErrorException"),
    INVALID_API_KEY(403, "Forbidden", "ForbiddenException"),
    INVALID_SIGNATURE(403, "The request signature we calculated does not match the signature you provided.",
            "InvalidSignatureException"),
    MISSING_AUTHENTICATION_TOKEN(403, "Missing Authentication Token", "MissingAuthenticationTokenException"),
    QUOTA_EXCEEDED(429, "Limit Exceeded", "LimitExceededException"),
    REQUEST_TOO_LARGE(413, "Request Too Long", "RequestTooLongException"),
    RESOURCE_NOT_FOUND(404, "Not Found", "NotFoundException"),
    THROTTLED(429, "Too Many Requests", "TooManyRequestsException"),
    UNAUTHORIZED(401, "Unauthorized", "UnauthorizedException"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported Media Type", "UnsupportedMediaTypeException"),
    WAF_FILTERED(403, "Forbidden", "ForbiddenException"),
    /**
     * Not one of AWS's customisable types: what the front door answers before an API is chosen, for a stage that
     * does not exist (and here also for plain HTTP).
     */
    FORBIDDEN(403, "Forbidden", "ForbiddenException");

    private final int defaultStatus;
    private final String defaultMessage;
    private final String errorType;

    GatewayResponseType(int defaultStatus, String defaultMessage, String errorType) {
        this.defaultStatus = defaultStatus;
        this.defaultMessage = defaultMessage;
        this.errorType = errorType;
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    public String defaultMessage() {
        return defaultMessage;
    }

    /** The {@code x-amzn-ErrorType} header value. */
    public String errorType() {
        return errorType;
    }
}
