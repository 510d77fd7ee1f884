package dev.turnpike.it;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.List;
import java.util.Map;

/**
 * A REQUEST authorizer for {@code $connect}: the {@code ticket} query parameter {@code open-sesame} is allowed (with
 * the tenant from the {@code Tenant} header in its context), {@code deny} gets a Deny policy, anything else is
 * {@code Unauthorized}.
 */
public final class WsTicketAuthorizer implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        String ticket = ((Map<String, String>) event.get("queryStringParameters")).get("ticket");
        String tenant = null; // header names are case-insensitive: containers differ in the case they pass on
        for (Map.Entry<String, String> header : ((Map<String, String>) event.get("headers")).entrySet()) {
            if (header.getKey().equalsIgnoreCase("Tenant")) {
                tenant = header.getValue();
            }
        }
        String methodArn = (String) event.get("methodArn");
        if (!"REQUEST".equals(event.get("type")) || !methodArn.endsWith("/dev/$connect")) {
            throw new IllegalStateException("not a $connect REQUEST event: " + event);
        }
        if ("open-sesame".equals(ticket)) {
            return Map.of("principalId", "ticket-holder", "policyDocument", policy("Allow", methodArn),
                    "context", Map.of("tenant", tenant));
        }
        if ("deny".equals(ticket)) {
            return Map.of("principalId", "denied", "policyDocument", policy("Deny", methodArn));
        }
        throw new RuntimeException("Unauthorized");
    }

    private static Map<String, Object> policy(String effect, String resource) {
        return Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Action", "execute-api:Invoke",
                "Effect", effect, "Resource", resource)));
    }
}
