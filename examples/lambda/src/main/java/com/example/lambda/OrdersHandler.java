package com.example.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A handler on plain maps: a missing body is a thrown error, which API Gateway answers with 502. */
public class OrdersHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        Object body = event.get("body");
        if (body == null) {
            throw new IllegalArgumentException("an order needs a body");
        }
        String id = UUID.randomUUID().toString();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("statusCode", 201);
        result.put("headers", Map.of("Location", "/orders/" + id));
        result.put("body", "{\"id\": \"" + id + "\", \"order\": " + body + "}");
        return result;
    }
}
