package dev.turnpike.runtime.observability;

import dev.turnpike.runtime.auth.AuthorizerContext;
import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.integration.ContextVariables;
import dev.turnpike.runtime.pipeline.ExecutionLog;
import dev.turnpike.runtime.pipeline.Exchange;
import dev.turnpike.runtime.response.GatewayError;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code $context} variables of REST API access logs (AWS's "Variables for access logging for API Gateway"),
 * each a lookup on the ended request. Variables of features Turnpike does not have (WAF, X-Ray, custom domains)
 * are accepted and log {@code -}, so a format copied from AWS starts unchanged.
 */
final class AccessLogVariables {


    /** Variables AWS offers whose value Turnpike never has. */
    private static final Set<String> ALWAYS_ABSENT = Set.of("awsEndpointRequestId", "awsEndpointRequestId2",
            "customDomain.basePathMatched", "identity.cognitoAuthenticationProvider",
            "identity.cognitoAuthenticationType", "identity.cognitoIdentityId", "identity.cognitoIdentityPoolId",
            "identity.principalOrgId", "identity.vpcId", "identity.vpceId", "wafResponseCode", "webaclArn",
            "xrayTraceId", "integration.error", "integration.requestId", "integration.integrationStatus",
            "integration.status", "integrationStatus", "authorizer.error", "authorizer.integrationLatency",
            "authorizer.integrationStatus", "authorizer.latency", "authorizer.requestId", "authorizer.status",
            "authenticate.error", "authenticate.latency", "authenticate.status", "authorize.error",
            "authorize.latency", "authorize.status", "error.validationErrorString", "identity.clientCert.clientCertPem",
            "identity.clientCert.subjectDN", "identity.clientCert.issuerDN", "identity.clientCert.serialNumber",
            "identity.clientCert.validity.notBefore", "identity.clientCert.validity.notAfter");

    private AccessLogVariables() {
    }

    /** The lookup for {@code $context.<name>}; {@code null} when access logs have no such variable. */
    static Function<RequestEnd, String> lookup(String name) {
        Function<RequestEnd, String> fixed = fixed(name);
        if (fixed != null) {
            return fixed;
        }
        if (ALWAYS_ABSENT.contains(name)) {
            return end -> null;
        }
        if (name.startsWith("authorizer.claims.")) {
            String claim = name.substring("authorizer.claims.".length());
            return end -> {
                AuthorizerContext authorizer = end.exchange().authorizer();
                return authorizer == null || authorizer.claims() == null ? null : authorizer.claims().get(claim);
            };
        }
        if (name.startsWith("authorizer.") && name.indexOf('.', "authorizer.".length()) < 0) {
            String key = name.substring("authorizer.".length());
            return end -> {
                AuthorizerContext authorizer = end.exchange().authorizer();
                Object value = authorizer == null || authorizer.context() == null ? null : authorizer.context().get(key);
                return value == null ? null : value.toString();
            };
        }
        return null;
    }

    private static Function<RequestEnd, String> fixed(String name) {
        return switch (name) {
            case "accountId" -> end -> end.exchange().api().accountId();
            case "apiId" -> end -> end.exchange().api().apiId();
            case "deploymentId" -> end -> end.exchange().api().deploymentId();
            case "domainName" -> end -> domainName(end.exchange());
            case "domainPrefix" -> end -> {
                String domain = domainName(end.exchange());
                int dot = domain == null ? -1 : domain.indexOf('.');
                return dot < 0 ? domain : domain.substring(0, dot);
            };
            case "error.message" -> end -> error(end) == null ? null : error(end).messageOrDefault();
            case "error.messageString" -> end -> error(end) == null ? null
                    : "\"" + error(end).messageOrDefault() + "\"";
            case "error.responseType" -> end -> error(end) == null ? null : error(end).type().name();
            case "extendedRequestId" -> end -> end.exchange().extendedRequestId();
            case "httpMethod" -> end -> end.exchange().clientRequest().method();
            case "identity.accountId" -> end -> caller(end) == null ? null : caller(end).accountId();
            case "identity.apiKey" -> end -> end.exchange().apiKey() == null ? null
                    : ExecutionLog.mask(end.exchange().apiKey().value());
            case "identity.apiKeyId" -> end -> end.exchange().apiKey() == null ? null : end.exchange().apiKey().id();
            case "identity.caller" -> end -> caller(end) == null ? null : caller(end).caller();
            case "identity.sourceIp" -> end -> end.exchange().clientRequest().remoteAddress();
            case "identity.user" -> end -> caller(end) == null ? null : caller(end).user();
            case "identity.userAgent" -> end -> end.exchange().clientRequest().headers().first("User-Agent");
            case "identity.userArn" -> end -> caller(end) == null ? null : caller(end).userArn();
            case "integration.latency", "integrationLatency" -> end -> {
                long nanos = end.exchange().integrationLatencyNanos();
                return nanos < 0 ? null : Long.toString(nanos / 1_000_000);
            };
            case "isCanaryRequest" -> end -> end.exchange().canaryRequest() == null ? null
                    : end.exchange().canaryRequest().toString();
            case "path" -> end -> end.exchange().clientRequest().path();
            case "protocol" -> end -> "HTTP/1.1";
            case "requestId" -> end -> end.exchange().requestId();
            case "requestTime" -> end -> ContextVariables.requestTime(end.exchange().requestTimeEpoch());
            case "requestTimeEpoch" -> end -> Long.toString(end.exchange().requestTimeEpoch());
            case "resourceId" -> end -> end.exchange().operation() == null ? null
                    : ContextVariables.resourceId(end.exchange().operation().resourcePath());
            case "resourcePath" -> end -> end.exchange().operation() == null ? null
                    : end.exchange().operation().resourcePath();
            case "responseLatency" -> end -> Long.toString(end.latencyNanos() / 1_000_000);
            case "responseLength" -> end -> end.responseLength() < 0 ? null : Long.toString(end.responseLength());
            case "stage" -> end -> end.exchange().stage() == null ? null : end.exchange().stage().name();
            case "status" -> end -> Integer.toString(end.status());
            case "authorizer.principalId" -> end -> end.exchange().authorizer() == null ? null
                    : end.exchange().authorizer().principalId();
            default -> null;
        };
    }

    private static GatewayError error(RequestEnd end) {
        return end.exchange().gatewayError();
    }

    private static CallerIdentity caller(RequestEnd end) {
        return end.exchange().caller();
    }

    private static String domainName(Exchange exchange) {
        String host = exchange.clientRequest().headers().first("Host");
        return host == null ? null : ContextVariables.withoutPort(host);
    }
}
