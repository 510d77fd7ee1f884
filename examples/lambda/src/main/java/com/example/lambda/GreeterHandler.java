package com.example.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.util.Map;

/** An unchanged Lambda handler: the proxy event types in, the proxy response out. */
public class GreeterHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String name = event.getPathParameters().get("name");
        String greeting = event.getQueryStringParameters() == null ? "Hello"
                : event.getQueryStringParameters().getOrDefault("greeting", "Hello");
        context.getLogger().log("greeting " + name);
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain", "X-Function", context.getFunctionName()))
                .withBody(greeting + ", " + name + "!");
    }
}
