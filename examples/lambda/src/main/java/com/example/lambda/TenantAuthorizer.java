package com.example.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A REQUEST authorizer written against the raw event: tenant {@code acme} (header {@code X-Tenant}) with query
 * parameter {@code plan} may call exactly the method it asked for; other tenants are denied. Its answer carries
 * how often it has been called (context value {@code calls}), which shows the authorizer cache at work.
 */
public class TenantAuthorizer implements RequestStreamHandler {

    private static final Pattern METHOD_ARN = Pattern.compile("\"methodArn\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TENANT = Pattern.compile("\"X-Tenant\"\\s*:\\s*\"([^\"]*)\"");

    private final java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8);
        String methodArn = find(METHOD_ARN, event);
        String tenant = find(TENANT, event);
        String effect = "acme".equals(tenant) ? "Allow" : "Deny";
        String answer = "{\"principalId\": \"" + tenant + "\", \"policyDocument\": {\"Version\": \"2012-10-17\","
                + " \"Statement\": [{\"Action\": \"execute-api:Invoke\", \"Effect\": \"" + effect + "\","
                + " \"Resource\": \"" + methodArn + "\"}]}, \"context\": {\"calls\": " + calls.incrementAndGet()
                + "}}";
        output.write(answer.getBytes(StandardCharsets.UTF_8));
    }

    private static String find(Pattern pattern, String event) {
        Matcher m = pattern.matcher(event);
        return m.find() ? m.group(1) : "";
    }
}
