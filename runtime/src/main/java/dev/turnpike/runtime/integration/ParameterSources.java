package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;

/**
 * Evaluates the right-hand side of a {@code requestParameters} mapping for one request: {@code method.request.path.X},
 * {@code method.request.querystring.X}, {@code method.request.header.X}, a {@code 'literal'},
 * {@code stageVariables.X} or {@code context.X}. The build already refused any other form.
 */
final class ParameterSources {

    private ParameterSources() {
    }

    /** The value, or {@code null} when the request does not carry it. */
    static String evaluate(String source, Exchange exchange, QueryString query) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("method.request.path.")) {
            return exchange.match().pathParameters().get(source.substring("method.request.path.".length()));
        }
        if (source.startsWith("method.request.querystring.")) {
            return query.last(source.substring("method.request.querystring.".length()));
        }
        if (source.startsWith("method.request.header.")) {
            return exchange.clientRequest().headers().first(source.substring("method.request.header.".length()));
        }
        if (source.startsWith("stageVariables.")) {
            return exchange.stage().variables().get(source.substring("stageVariables.".length()));
        }
        if (source.startsWith("context.")) {
            return context(source.substring("context.".length()), exchange);
        }
        return null;
    }

    private static String context(String name, Exchange exchange) {
        return switch (name) {
            case "requestId" -> exchange.requestId();
            case "extendedRequestId" -> exchange.extendedRequestId();
            case "stage" -> exchange.stage().name();
            case "apiId" -> exchange.api().apiId();
            case "accountId" -> exchange.api().accountId();
            case "deploymentId" -> exchange.api().deploymentId();
            case "httpMethod" -> exchange.clientRequest().method();
            case "resourcePath" -> exchange.operation().resourcePath();
            case "path" -> exchange.clientRequest().path();
            case "requestTimeEpoch" -> Long.toString(exchange.requestTimeEpoch());
            case "identity.sourceIp" -> exchange.clientRequest().remoteAddress();
            case "identity.userAgent" -> exchange.clientRequest().headers().first("User-Agent");
            default -> null;
        };
    }
}
