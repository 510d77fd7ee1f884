package dev.turnpike.runtime.auth.sigv4;

import static dev.turnpike.runtime.response.GatewayResponseType.ACCESS_DENIED;
import static dev.turnpike.runtime.response.GatewayResponseType.EXPIRED_TOKEN;
import static dev.turnpike.runtime.response.GatewayResponseType.INVALID_SIGNATURE;
import static dev.turnpike.runtime.response.GatewayResponseType.MISSING_AUTHENTICATION_TOKEN;

import java.util.List;

/**
 * AWS's answers to bad signatures, word for word as API Gateway and AWS's other front ends send them (collected
 * from responses quoted in public issues and AWS's troubleshooting pages). Every one is a 403.
 *
 * <p>Where AWS's exact words for a case were not found, the choice is marked "ours" below.
 */
final class SigV4Failures {
    static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";
    static final String INVALID_SIGNATURE_TYPE = "InvalidSignatureException";
    static final String UNRECOGNIZED_CLIENT = "UnrecognizedClientException";

    private static final int FORBIDDEN = 403;

    private SigV4Failures() {
    }

    static SigV4Failure missingAuthenticationToken() {
        return new SigV4Failure(FORBIDDEN, MISSING_AUTHENTICATION_TOKEN.defaultMessage(),
                MISSING_AUTHENTICATION_TOKEN.errorType(), MISSING_AUTHENTICATION_TOKEN);
    }

    static SigV4Failure headerAndQueryBothSigned() {
        return invalidSignature(
                "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.");
    }

    static SigV4Failure notKeyValuePair(String token, String authorization) {
        return incomplete("'" + token + "' not a valid key=value pair (missing equal-sign) in Authorization header: '"
                + authorization + "'.");
    }

    /** AWS lists every missing part at once, then echoes the header it could not use. */
    static SigV4Failure incompleteAuthorizationHeader(List<String> missingParameters, boolean dateMissing,
            String authorization) {
        StringBuilder message = new StringBuilder();
        for (String parameter : missingParameters) {
            message.append("Authorization header requires '").append(parameter).append("' parameter. ");
        }
        if (dateMissing) {
            message.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return incomplete(message.append("Authorization=").append(authorization).toString());
    }

    static SigV4Failure incompletePresignedQuery(List<String> missingParameters) {
        StringBuilder message = new StringBuilder();
        for (String parameter : missingParameters) {
            message.append("AWS query-string parameters must include '").append(parameter).append("'. ");
        }
        return incomplete(message.append("Re-examine the query-string parameters.").toString());
    }

    static SigV4Failure dateNotIsoBasic(String date) {
        return incomplete("Date must be in ISO-8601 'basic format'. Got '" + date
                + "'. See http://en.wikipedia.org/wiki/ISO_8601");
    }

    /** Ours: AWS's words for a malformed {@code X-Amz-Expires} were not found. */
    static SigV4Failure badExpires(String expires) {
        return incomplete("X-Amz-Expires must be a whole number of seconds from 1 to 604800. Got '" + expires + "'.");
    }

    static SigV4Failure expired(String requestTime, String earliest, String now, String window) {
        return new SigV4Failure(FORBIDDEN, "Signature expired: " + requestTime + " is now earlier than " + earliest
                + " (" + now + " - " + window + ")", INVALID_SIGNATURE_TYPE, EXPIRED_TOKEN);
    }

    static SigV4Failure notYetCurrent(String requestTime, String latest, String now, String window) {
        return invalidSignature("Signature not yet current: " + requestTime + " is still later than " + latest
                + " (" + now + " + " + window + ")");
    }

    static SigV4Failure hostNotSigned() {
        return invalidSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
    }

    static SigV4Failure unsupportedAlgorithm(String algorithm) {
        return incomplete("Unsupported AWS 'algorithm': '" + algorithm + "' (only AWS4-HMAC-SHA256 for now). ");
    }

    static SigV4Failure credentialNotFiveParts(String credential) {
        return incomplete("Credential must have exactly 5 slash-delimited elements, "
                + "e.g. keyid/date/region/service/term, got '" + credential + "'");
    }

    /** {@code problems}: every scope mismatch, each already worded as AWS words it. */
    static SigV4Failure badCredentialScope(String problems) {
        return invalidSignature(problems);
    }

    static SigV4Failure unknownAccessKey() {
        return unrecognizedClient("The security token included in the request is invalid.");
    }

    /** AWS drops the final period for a bad session token, unlike an unknown key. */
    static SigV4Failure invalidSecurityToken() {
        return unrecognizedClient("The security token included in the request is invalid");
    }

    static SigV4Failure signatureMismatch(String canonicalRequest, String stringToSign) {
        return invalidSignature("The request signature we calculated does not match the signature you provided. "
                + "Check your AWS Secret Access Key and signing method. Consult the service documentation for details."
                + "\n\nThe Canonical String for this request should have been\n'" + canonicalRequest + "'\n"
                + "\nThe String-to-Sign should have been\n'" + stringToSign + "'\n");
    }

    private static SigV4Failure incomplete(String message) {
        return new SigV4Failure(FORBIDDEN, message, INCOMPLETE_SIGNATURE, INVALID_SIGNATURE);
    }

    private static SigV4Failure invalidSignature(String message) {
        return new SigV4Failure(FORBIDDEN, message, INVALID_SIGNATURE_TYPE, INVALID_SIGNATURE);
    }

    /** API Gateway's troubleshooting page files an invalid key under "Access denied". */
    private static SigV4Failure unrecognizedClient(String message) {
        return new SigV4Failure(FORBIDDEN, message, UNRECOGNIZED_CLIENT, ACCESS_DENIED);
    }
}
