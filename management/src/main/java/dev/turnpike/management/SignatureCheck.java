package dev.turnpike.management;

import dev.turnpike.runtime.auth.sigv4.SigV4Failure;
import dev.turnpike.runtime.auth.sigv4.SigV4Result;
import dev.turnpike.runtime.auth.sigv4.SigV4Verifier;
import dev.turnpike.runtime.auth.sigv4.SignedRequest;
import dev.turnpike.runtime.http.Headers;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every management call must be signed (SigV4, service {@code apigateway}) with a configured key, checked
 * before anything else, with the same verifier and the same refusals as {@code AWS_IAM} methods.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class SignatureCheck implements ContainerRequestFilter {

    /** Management bodies are small JSON documents; a larger one is refused unread. */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final SigV4Verifier verifier;

    SignatureCheck(ManagementSettings settings) {
        this.verifier = new SigV4Verifier(settings.credentials(), settings.region(), ManagementSettings.SERVICE);
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        byte[] body = read(request.getEntityStream());
        request.setEntityStream(new ByteArrayInputStream(body));
        Headers headers = new Headers();
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                headers.add(header.getKey(), value);
            }
        }
        URI uri = request.getUriInfo().getRequestUri();
        SigV4Result result = verifier.verify(new SignedRequest(request.getMethod(), uri.getRawPath(),
                uri.getRawQuery(), headers, SignedRequest.sha256Hex(body)), Instant.now());
        if (result instanceof SigV4Failure failure) {
            request.abortWith(ErrorResponses.render(failure.status(), failure.errorType(), failure.message()));
        }
    }

    private static byte[] read(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(413, "RequestEntityTooLargeException", "Request body too large");
        }
        return body;
    }
}
