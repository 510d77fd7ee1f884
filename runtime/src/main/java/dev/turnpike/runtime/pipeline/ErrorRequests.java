package dev.turnpike.runtime.pipeline;

import dev.turnpike.runtime.integration.QueryString;
import dev.turnpike.runtime.response.ErrorRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a gateway response sees of an exchange, as far as the pipeline got before it failed. */
final class ErrorRequests {

    private ErrorRequests() {
    }

    static ErrorRequest of(Exchange exchange) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.clientRequest().headers().forEach((name, value) ->
                headers.computeIfAbsent(name, n -> new ArrayList<>(1)).add(value));
        Map<String, Object> context = new HashMap<>();
        context.put("requestId", exchange.requestId());
        context.put("extendedRequestId", exchange.extendedRequestId());
        context.put("requestTimeEpoch", exchange.requestTimeEpoch());
        context.put("httpMethod", exchange.clientRequest().method());
        context.put("path", exchange.clientRequest().path());
        context.put("protocol", "HTTP/1.1");
        context.put("accountId", exchange.api().accountId());
        context.put("apiId", exchange.api().apiId());
        context.put("deploymentId", exchange.api().deploymentId());
        Map<String, Object> identity = new HashMap<>();
        identity.put("sourceIp", exchange.clientRequest().remoteAddress());
        identity.put("userAgent", exchange.clientRequest().headers().first("User-Agent"));
        context.put("identity", identity);
        Map<String, String> stageVariables = Map.of();
        if (exchange.stage() != null) {
            context.put("stage", exchange.stage().name());
            stageVariables = exchange.stage().variables();
        }
        if (exchange.operation() != null) {
            context.put("resourcePath", exchange.operation().resourcePath());
        }
        Map<String, String> pathParameters = exchange.match() == null ? Map.of() : exchange.match().pathParameters();
        return new ErrorRequest(pathParameters, QueryString.parse(exchange.clientRequest().rawQuery()).asMap(),
                headers, stageVariables, context);
    }
}
