package com.example.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.util.Map;

/**
 * Behind a custom (AWS) integration: the request template made its event, and an unknown pet is a thrown error
 * whose message the integration response's selectionPattern turns into a 404.
 */
public class PetsHandler implements RequestHandler<Map<String, String>, Map<String, Object>> {

    private static final Map<String, Map<String, Object>> PETS = Map.of(
            "1", Map.of("id", 1, "type", "dog", "price", 249.99),
            "2", Map.of("id", 2, "type", "cat", "price", 124.99));

    @Override
    public Map<String, Object> handleRequest(Map<String, String> event, Context context) {
        Map<String, Object> pet = PETS.get(event.get("petId"));
        if (pet == null) {
            throw new IllegalArgumentException("No such pet: " + event.get("petId"));
        }
        return pet;
    }
}
