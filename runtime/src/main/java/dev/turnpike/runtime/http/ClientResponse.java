package dev.turnpike.runtime.http;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Flow;

/** Where the pipeline sends its one answer to the client. */
public interface ClientResponse {

    /**
     * Sends the status and headers, then streams {@code body} to the client, ending the exchange when the body
     * completes. Called exactly once per request. {@code Content-Length} in {@code headers}, if present, is the
     * body's exact length.
     */
    void send(int status, Headers headers, Flow.Publisher<List<ByteBuffer>> body);
}
