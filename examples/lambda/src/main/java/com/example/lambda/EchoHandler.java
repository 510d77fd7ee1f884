package com.example.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A stream handler: answers with the event it received, as the body of a 200. */
public class EchoHandler implements RequestStreamHandler {

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        ByteArrayOutputStream event = new ByteArrayOutputStream();
        input.transferTo(event);
        String body = event.toString(StandardCharsets.UTF_8).replace("\\", "\\\\").replace("\"", "\\\"");
        output.write(("{\"statusCode\": 200, \"headers\": {\"Content-Type\": \"application/json\"}, \"body\": \""
                + body + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
