package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
final class ContextVariables {

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private ContextVariables() {
    }

    static Map<String, Object> of(Exchange exchange) {
        String host = exchange.clientRequest().headers().first("Host");
        String domainName = host == null ? "" : host.replaceFirst(":\\d+$", "");
        int dot = domainName.indexOf('.');
        Map<String, Object> context = new HashMap<>();
        context.put("resourceId", resourceId(exchange.operation().resourcePath()));
        context.put("resourcePath", exchange.operation().resourcePath());
        context.put("httpMethod", exchange.clientRequest().method());
        context.put("extendedRequestId", exchange.extendedRequestId());
        context.put("requestTime", REQUEST_TIME.format(Instant.ofEpochMilli(exchange.requestTimeEpoch())));
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
        return context;
    }

    private static Map<String, Object> identity(Exchange exchange) {
        Map<String, Object> identity = new HashMap<>();
        identity.put("cognitoIdentityPoolId", null);
        identity.put("accountId", null);
        identity.put("cognitoIdentityId", null);
        identity.put("caller", null);
        identity.put("sourceIp", exchange.clientRequest().remoteAddress());
        identity.put("principalOrgId", null);
        identity.put("accessKey", null);
        identity.put("cognitoAuthenticationType", null);
        identity.put("cognitoAuthenticationProvider", null);
        identity.put("userArn", null);
        identity.put("userAgent", exchange.clientRequest().headers().first("User-Agent"));
        identity.put("user", null);
        return identity;
    }

    /** A stable 6-character id for a resource, like API Gateway's resource ids. */
    static String resourceId(String resourcePath) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(resourcePath.getBytes(StandardCharsets.UTF_8));
            String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
            StringBuilder id = new StringBuilder(6);
            for (int i = 0; i < 6; i++) {
                id.append(alphabet.charAt((hash[i] & 0xff) % alphabet.length()));
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
