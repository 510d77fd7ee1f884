package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.http.Headers;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** What goes back to the client for a request that got through: status, headers and a (streamed) body. */
public record MethodResponse(int status, Headers headers, Flow.Publisher<List<ByteBuffer>> body) {
}
