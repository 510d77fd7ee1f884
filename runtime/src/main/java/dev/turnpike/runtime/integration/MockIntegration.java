package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.http.Bodies;
import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationResponse;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.pipeline.MethodResponse;
import dev.turnpike.runtime.pipeline.Outcome;
import dev.turnpike.runtime.response.GatewayError;
import dev.turnpike.runtime.response.GatewayResponseType;
import dev.turnpike.runtime.template.TemplateSelection;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * API Gateway's MOCK integration: the request template's {@code statusCode} selects the integration response,
 * whose status, headers and response template make the answer. No backend is called.
 *
 * <p>Templates are used as written; rendering VTL in them is the mapping-template feature's work.
 */
final class MockIntegration implements IntegrationHandler {

    @Override
    public CompletableFuture<Outcome> invoke(Exchange exchange) {
        return CompletableFuture.completedFuture(respond(exchange));
    }

    private static Outcome respond(Exchange exchange) {
        Integration integration = exchange.operation().integration();
        String status;
        String key = TemplateSelection.forRequest(integration.requestTemplates(),
                exchange.clientRequest().headers().first("Content-Type"));
        if (key == null) {
            status = "200";
        } else {
            status = statusCode(integration.requestTemplates().get(key));
            if (status == null) {
                return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                        "MOCK request template for " + key + " does not give a statusCode"));
            }
        }
        IntegrationResponse selected = ResponseSelection.select(integration.responses(), status);
        if (selected == null) {
            return Outcome.of(GatewayError.of(GatewayResponseType.API_CONFIGURATION_ERROR,
                    "No match for output mapping and no default output mapping specified (status " + status + ")"));
        }
        return Outcome.of(mapped(selected, exchange));
    }

    static MethodResponse mapped(IntegrationResponse selected, Exchange exchange) {
        Headers headers = new Headers();
        for (Map.Entry<String, String> p : selected.responseParameters().entrySet()) {
            String target = p.getKey();
            String source = p.getValue();
            if (target.startsWith("method.response.header.") && source.length() >= 2 && source.startsWith("'")
                    && source.endsWith("'")) {
                headers.add(target.substring("method.response.header.".length()),
                        source.substring(1, source.length() - 1));
            }
        }
        String key = TemplateSelection.forResponse(selected.responseTemplates(),
                exchange.clientRequest().headers().first("Accept"));
        byte[] body = key == null ? new byte[0]
                : selected.responseTemplates().get(key).getBytes(StandardCharsets.UTF_8);
        if (!headers.contains("Content-Type")) {
            headers.add("Content-Type", key == null ? TemplateSelection.DEFAULT_CONTENT_TYPE : key);
        }
        headers.set("Content-Length", Integer.toString(body.length));
        return new MethodResponse(Integer.parseInt(selected.statusCode()), headers, Bodies.of(body));
    }

    /** The {@code statusCode} a MOCK request template gives, as a string, or {@code null}. */
    static String statusCode(String template) {
        try (JsonReader reader = Json.createReader(new StringReader(template))) {
            JsonValue value = reader.readValue();
            if (!(value instanceof JsonObject object)) {
                return null;
            }
            JsonValue code = object.get("statusCode");
            if (code instanceof JsonNumber number && number.isIntegral()) {
                return Integer.toString(number.intValue());
            }
            if (code instanceof JsonString string && string.getString().matches("\\d{3}")) {
                return string.getString();
            }
            return null;
        } catch (jakarta.json.JsonException e) {
            return null;
        }
    }
}
