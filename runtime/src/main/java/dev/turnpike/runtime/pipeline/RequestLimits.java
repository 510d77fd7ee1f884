package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.ClientRequest;
import dev.turnpike.runtime.integration.RequestBodies;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import java.nio.charset.StandardCharsets;

/**
 * API Gateway's fixed request quotas, checked before anything reads the request: the URL (10,240 characters for a
 * regional API), the request line and header values together (10,240 bytes) and a declared payload over 10 MB.
 * AWS documents the limits ("Quotas for configuring and running a REST API in API Gateway") but not what it answers
 * for the first two; Turnpike answers 414 and 431 (see docs/features.md). A payload declared over the limit is
 * REQUEST_TOO_LARGE before a byte of it is read; one streamed without a length is cut off by whoever reads it
 * ({@link RequestBodies#MAX_BYTES}).
 */
final class RequestLimits {

    /** "Length, in characters, of the URL for a regional API". */
    static final int MAX_URL_CHARS = 10_240;
    /** "Total combined size of request line and header values". */
    static final int MAX_HEADER_BYTES = 10_240;

    private RequestLimits() {
    }

    static GatewayError check(ClientRequest request) {
        String host = request.headers().first("Host");
        long url = "https://".length() + (host == null ? 0 : host.length()) + request.requestUri().length()
                + (request.rawQuery() == null ? 0 : 1 + request.rawQuery().length());
        if (url > MAX_URL_CHARS) {
            return frontDoor(414, "Request-URI Too Long", "URL of " + url + " characters");
        }
        long[] section = {requestLineBytes(request)};
        request.headers().forEach((name, value) -> section[0] += value.getBytes(StandardCharsets.UTF_8).length);
        if (section[0] > MAX_HEADER_BYTES) {
            return frontDoor(431, "Request Header Fields Too Large", "request line and header values of "
                    + section[0] + " bytes");
        }
        if (request.contentLength() > RequestBodies.MAX_BYTES) {
            return GatewayError.of(GatewayResponseType.REQUEST_TOO_LARGE, "declared payload of "
                    + request.contentLength() + " bytes");
        }
        return null;
    }

    private static long requestLineBytes(ClientRequest request) {
        return request.method().length() + 1 + request.requestUri().length()
                + (request.rawQuery() == null ? 0 : 1 + request.rawQuery().length()) + " HTTP/1.1".length();
    }

    /** Refused before an API is chosen, like the unknown stage: not customisable. */
    private static GatewayError frontDoor(int status, String message, String detail) {
        return new GatewayError(GatewayResponseType.FORBIDDEN, message, detail, null, status, "BadRequestException");
    }
}
