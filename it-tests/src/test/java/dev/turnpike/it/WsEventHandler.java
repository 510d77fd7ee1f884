package dev.turnpike.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A WebSocket route's Lambda function that answers with the event it got as its body, and keeps every
 * {@code $disconnect} event for the test to read.
 */
public final class WsEventHandler implements RequestStreamHandler {

    static final BlockingQueue<String> DISCONNECTS = new LinkedBlockingQueue<>();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        if (event.contains("\"eventType\":\"DISCONNECT\"")) {
            DISCONNECTS.add(event);
        }
        String body = jakarta.json.Json.createValue(event).toString();
        output.write(("{\"statusCode\":200,\"body\":" + body + "}").getBytes(StandardCharsets.UTF_8));
    }
}
