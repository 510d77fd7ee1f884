package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import dev.turnpike.runtime.model.Authorizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code x-amazon-apigateway-authorizer} on a security scheme: a Lambda authorizer ({@code token} or
 * {@code request}) or a Cognito user pool authorizer ({@code cognito_user_pools}).
 */
final class AuthorizerReader {

    static final String NAME = "x-amazon-apigateway-authorizer";

    private static final List<String> FIELDS = List.of("type", "authorizerUri", "authorizerCredentials",
            "identitySource", "identityValidationExpression", "authorizerResultTtlInSeconds", "providerARNs");
    private static final int MAX_TTL_SECONDS = 3600;
    /** A template placeholder other than a stage variable or an AWS variable: nothing fills it in. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(?!stageVariables\\.)(?!AWS::)[^}]*}");
    private static final Pattern FUNCTION_URI =
            Pattern.compile("arn:aws[a-z-]*:apigateway:[^:]+:lambda:path/2015-03-31/functions/.+/invocations");
    private static final Pattern USER_POOL_ARN =
            Pattern.compile("arn:aws[a-z-]*:cognito-idp:[a-z0-9-]+:\\d{12}:userpool/[a-z0-9-]+_[A-Za-z0-9]+");
    private static final Pattern IDENTITY_SOURCE =
            Pattern.compile("method\\.request\\.(header|querystring)\\.[^,\\s]+|stageVariables\\.[^,\\s]+|context\\.[^,\\s]+");

    private AuthorizerReader() {
    }

    /**
     * The authorizer, or {@code null} when absent or wrong (reported).
     *
     * @param tokenHeader the header the scheme names ({@code type: apiKey, in: header}), a TOKEN authorizer's identity
     *     source when it gives none; {@code null} when the scheme names none
     */
    static Authorizer read(String name, Object value, String tokenHeader, JsonPointer pointer,
            Diagnostics diagnostics) {
        if (value == null) {
            return null;
        }
        ExtensionObject fields = ExtensionObject.of(value, pointer, diagnostics);
        if (fields == null) {
            return null;
        }
        fields.rejectUnknownFields(FIELDS, NAME);
        String type = fields.string("type");
        if (type == null) {
            diagnostics.error(pointer, "missing type: expected token, request or cognito_user_pools");
            return null;
        }
        Authorizer.Builder authorizer;
        switch (type.toLowerCase(Locale.ROOT)) {
            case "token", "request" -> {
                String uri = fields.string("authorizerUri");
                if (uri == null) {
                    diagnostics.error(pointer, "a " + type + " authorizer needs authorizerUri, the Lambda function to"
                            + " call");
                    return null;
                }
                if (!usable(uri, FUNCTION_URI, "a Lambda function's invocation uri (arn:aws:apigateway:{region}:lambda:"
                        + "path/2015-03-31/functions/{functionArn}/invocations)", pointer.append("authorizerUri"),
                        diagnostics)) {
                    return null;
                }
                authorizer = Authorizer.lambda(name, type.toUpperCase(Locale.ROOT), uri);
            }
            case "cognito_user_pools" -> {
                List<String> pools = fields.stringList("providerARNs");
                if (pools.isEmpty()) {
                    diagnostics.error(pointer, "a cognito_user_pools authorizer needs providerARNs, the user pools"
                            + " whose tokens it accepts");
                    return null;
                }
                for (int i = 0; i < pools.size(); i++) {
                    if (!usable(pools.get(i), USER_POOL_ARN, "a Cognito user pool ARN"
                            + " (arn:aws:cognito-idp:{region}:{account}:userpool/{poolId})",
                            pointer.append("providerARNs").append(i), diagnostics)) {
                        return null;
                    }
                }
                authorizer = Authorizer.cognito(name, pools.toArray(String[]::new));
            }
            default -> {
                diagnostics.error(pointer.append("type"),
                        "unknown authorizer type '" + type + "': expected token, request or cognito_user_pools");
                return null;
            }
        }
        String identitySource = fields.string("identitySource");
        if (identitySource != null && identitySource.isBlank()) {
            // Exported definitions write "" for "not set".
            identitySource = null;
        }
        if (identitySource == null && tokenHeader != null) {
            identitySource = "method.request.header." + tokenHeader;
        }
        if (identitySource != null) {
            if (!identitySourceValid(identitySource, type, pointer.append("identitySource"), diagnostics)) {
                return null;
            }
            authorizer.identitySource(identitySource);
        } else if (type.equalsIgnoreCase("request")) {
            authorizer.identitySource("");
        }
        String expression = fields.string("identityValidationExpression");
        if (expression != null) {
            try {
                Pattern.compile(expression);
                authorizer.identityValidationExpression(expression);
            } catch (PatternSyntaxException e) {
                diagnostics.error(pointer.append("identityValidationExpression"),
                        "not a regular expression: " + e.getDescription());
            }
        }
        Integer ttl = fields.integer("authorizerResultTtlInSeconds");
        if (ttl != null) {
            if (ttl < 0 || ttl > MAX_TTL_SECONDS) {
                diagnostics.error(pointer.append("authorizerResultTtlInSeconds"),
                        "must be between 0 and " + MAX_TTL_SECONDS + " seconds, found " + ttl);
            } else {
                authorizer.resultTtlInSeconds(ttl);
            }
        }
        return authorizer.build();
    }

    /** Whether {@code value} has no placeholder nothing fills in and, its stage variables aside, is {@code what}. */
    private static boolean usable(String value, Pattern shape, String what, JsonPointer pointer,
            Diagnostics diagnostics) {
        Matcher placeholder = PLACEHOLDER.matcher(value);
        if (placeholder.find()) {
            diagnostics.error(pointer, "'" + value + "' has the placeholder " + placeholder.group() + ", which is"
                    + " neither ${stageVariables.name} nor an AWS variable: nothing fills it in");
            return false;
        }
        String checked = value.replaceAll("\\$\\{[^}]*}", "x");
        if (!shape.matcher(checked).matches()) {
            diagnostics.error(pointer, "'" + value + "' is not " + what);
            return false;
        }
        return true;
    }

    private static boolean identitySourceValid(String identitySource, String type, JsonPointer pointer,
            Diagnostics diagnostics) {
        String[] sources = identitySource.split(",");
        for (String source : sources) {
            if (!IDENTITY_SOURCE.matcher(source.trim()).matches()) {
                diagnostics.error(pointer, "'" + source.trim() + "' is not an identity source: expected"
                        + " method.request.header.X, method.request.querystring.X, stageVariables.X or context.X");
                return false;
            }
        }
        if (type.equalsIgnoreCase("token") && (sources.length != 1
                || !sources[0].trim().startsWith("method.request.header."))) {
            diagnostics.error(pointer, "a token authorizer takes its token from one header"
                    + " (method.request.header.X), found '" + identitySource + "'");
            return false;
        }
        return true;
    }
}
