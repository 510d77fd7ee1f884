package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.auth.AuthorizerContext;
import dev.turnpike.runtime.auth.CallerIdentity;
import dev.turnpike.runtime.model.ShortIds;
import dev.turnpike.runtime.pipeline.Exchange;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code $context} for one request's mapping templates, apart from {@code requestOverride} and
 * {@code responseOverride}, which the template runtime keeps ({@code TemplateOverrides}). The maps are
 * {@link HashMap}s because API Gateway's are: {@code $context.keySet()} iterates in HashMap order
 * (shared/conformance/vtl/SEMANTICS.md §2.12).
 */
public final class ContextVariables {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ContextVariables() {
    }

    /** The last second formatted: requests in the same second share its text (a format per request showed up). */
    private record FormattedSecond(long epochSecond, String text) {
    }

    private static volatile FormattedSecond lastRequestTime = new FormattedSecond(Long.MIN_VALUE, "");

    /**
     * {@code $context.requestTime}, {@code dd/MMM/yyyy:HH:mm:ss +0000}, for a request at {@code epochMillis}: for
     * templates and access logs alike.
     */
    public static String requestTime(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        FormattedSecond last = lastRequestTime;
        if (last.epochSecond() != second) {
            last = new FormattedSecond(second, REQUEST_TIME.format(Instant.ofEpochSecond(second)));
            lastRequestTime = last;
        }
        return last.text();
    }

    /** {@code $context} of the exchange, as mapping templates and identity sources ({@code context.X}) read it. */
    public static Map<String, Object> of(Exchange exchange) {
        String host = exchange.clientRequest().headers().first("Host");
        String domainName = host == null ? "" : withoutPort(host);
        int dot = domainName.indexOf('.');
        Map<String, Object> context = new HashMap<>();
        context.put("resourceId", resourceId(exchange.operation().resourcePath()));
        context.put("resourcePath", exchange.operation().resourcePath());
        context.put("httpMethod", exchange.clientRequest().method());
        context.put("extendedRequestId", exchange.extendedRequestId());
        context.put("requestTime", requestTime(exchange.requestTimeEpoch()));
        context.put("path", exchange.clientRequest().path());
        context.put("accountId", exchange.api().accountId());
        context.put("protocol", "HTTP/1.1");
        context.put("stage", exchange.stage().name());
        context.put("domainPrefix", dot < 0 ? domainName : domainName.substring(0, dot));
        context.put("requestTimeEpoch", exchange.requestTimeEpoch());
        context.put("requestId", exchange.requestId());
        context.put("identity", identity(exchange));
        context.put("domainName", domainName);
        context.put("deploymentId", exchange.api().deploymentId());
        context.put("apiId", exchange.api().apiId());
        if (exchange.canaryRequest() != null) {
            context.put("isCanaryRequest", exchange.canaryRequest());
        }
        AuthorizerContext authorizer = exchange.authorizer();
        if (authorizer != null) {
            context.put("authorizer", authorizer(authorizer));
        }
        return context;
    }

    /**
     * {@code $context.authorizer}: a Lambda authorizer's {@code principalId} and {@code context} entries, or a Cognito
     * token's {@code claims}.
     */
    static Map<String, Object> authorizer(AuthorizerContext authorizer) {
        Map<String, Object> map = new HashMap<>();
        if (authorizer.principalId() != null) {
            map.put("principalId", authorizer.principalId());
            map.putAll(authorizer.context());
        } else {
            map.put("claims", new HashMap<>(authorizer.claims()));
        }
        return map;
    }

    private static Map<String, Object> identity(Exchange exchange) {
        CallerIdentity caller = exchange.caller();
        Map<String, Object> identity = new HashMap<>();
        identity.put("cognitoIdentityPoolId", null);
        identity.put("accountId", caller == null ? null : caller.accountId());
        identity.put("cognitoIdentityId", null);
        identity.put("caller", caller == null ? null : caller.caller());
        identity.put("sourceIp", exchange.clientRequest().remoteAddress());
        identity.put("principalOrgId", null);
        identity.put("accessKey", caller == null ? null : caller.accessKey());
        identity.put("cognitoAuthenticationType", null);
        identity.put("cognitoAuthenticationProvider", null);
        identity.put("userArn", caller == null ? null : caller.userArn());
        identity.put("userAgent", exchange.clientRequest().headers().first("User-Agent"));
        identity.put("user", caller == null ? null : caller.user());
        if (exchange.apiKey() != null) {
            identity.put("apiKey", exchange.apiKey().value());
            identity.put("apiKeyId", exchange.apiKey().id());
        }
        // Only with a certificate: without mutual TLS, API Gateway's identity has no clientCert key at all.
        X509Certificate clientCertificate = exchange.clientRequest().clientCertificate();
        if (clientCertificate != null) {
            identity.put("clientCert", ClientCert.of(clientCertificate));
        }
        return identity;
    }

    /** A stable 6-character id for a resource, like API Gateway's resource ids. */
    public static String resourceId(String resourcePath) {
        return RESOURCE_IDS.computeIfAbsent(resourcePath, ContextVariables::hashedResourceId);
    }

    /** Resource ids by path: the same for every request to a resource, so hashed once (a SHA-256 per request was). */
    private static final Map<String, String> RESOURCE_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code host:port} without {@code :port}; an IPv6 literal keeps its brackets. */
    public static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        if (colon < 0 || colon < host.lastIndexOf(']') || colon == host.length() - 1) {
            return host;
        }
        for (int i = colon + 1; i < host.length(); i++) {
            if (!Character.isDigit(host.charAt(i))) {
                return host;
            }
        }
        return host.substring(0, colon);
    }

    private static String hashedResourceId(String resourcePath) {
        return ShortIds.of(resourcePath, 6);
    }
}
