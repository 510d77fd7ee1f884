package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.util.Objects;

/**
 * A refused signature, as API Gateway answers it.
 *
 * @param status the HTTP status AWS sends
 * @param message the {@code message} AWS sends, word for word
 * @param errorType the {@code x-amzn-ErrorType} AWS sends; not always {@code responseType.errorType()}, because
 *     {@code IncompleteSignatureException} and {@code UnrecognizedClientException} have no gateway response type
 *     of their own
 * @param responseType the gateway response type an API customises to change this answer
 */
public record SigV4Failure(int status, String message, String errorType, GatewayResponseType responseType)
        implements SigV4Result {

    public SigV4Failure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errorType, "errorType");
        Objects.requireNonNull(responseType, "responseType");
    }

    /** This failure as the pipeline's error value, AWS's {@link #errorType} included. */
    public GatewayError toGatewayError() {
        return new GatewayError(responseType, message, "SigV4 " + errorType, null, status, errorType);
    }
}
