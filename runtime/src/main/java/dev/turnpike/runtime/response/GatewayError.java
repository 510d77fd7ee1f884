package dev.turnpike.runtime.response;

/**
 * A failure as a value: which gateway response to send and, where AWS words it per case, the message. Steps
 * return these instead of throwing; {@link GatewayResponses} is the one place they become responses.
 *
 * @param message the client-facing message; {@code null} for the type's default
 * @param detail what went wrong, for the gateway's log only; never sent to the client
 * @param validationErrorString {@code $context.error.validationErrorString}: what request validation found, for
 *     gateway response templates; {@code null} when no validation failed
 * @param status where AWS answers this case with another status than the type's default (a failed Lambda proxy
 *     call is a {@code DEFAULT_5XX} with 502); {@code null} for the type's default. A customised status wins.
 * @param errorType the {@code x-amzn-ErrorType} where AWS sends another than the type's; {@code null} for the type's
 */
public record GatewayError(GatewayResponseType type, String message, String detail, String validationErrorString,
        Integer status, String errorType) {

    public GatewayError(GatewayResponseType type, String message, String detail, String validationErrorString,
            Integer status) {
        this(type, message, detail, validationErrorString, status, null);
    }

    public GatewayError(GatewayResponseType type, String message, String detail) {
        this(type, message, detail, null, null);
    }

    public GatewayError(GatewayResponseType type, String message, String detail, String validationErrorString) {
        this(type, message, detail, validationErrorString, null);
    }

    /** {@code type} answered with {@code status} unless the API customises it. */
    public static GatewayError withStatus(GatewayResponseType type, int status, String detail) {
        return new GatewayError(type, null, detail, null, status);
    }

    /** The status to send when the API does not customise it. */
    public int statusOrDefault() {
        return status != null ? status : type.defaultStatus();
    }

    public static GatewayError of(GatewayResponseType type) {
        return new GatewayError(type, null, null);
    }

    public static GatewayError of(GatewayResponseType type, String detail) {
        return new GatewayError(type, null, detail);
    }

    /**
     * The {@code x-amzn-ErrorType} to send: the type's, unless AWS names this case otherwise (SigV4's
     * {@code IncompleteSignatureException} and {@code UnrecognizedClientException} have no gateway response type).
     */
    public String errorTypeOrDefault() {
        return errorType != null ? errorType : type.errorType();
    }

    public String messageOrDefault() {
        return message != null ? message : type.defaultMessage();
    }
}
