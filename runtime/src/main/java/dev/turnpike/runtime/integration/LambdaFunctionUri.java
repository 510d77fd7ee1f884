package dev.turnpike.runtime.integration;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function a Lambda integration calls, read from its uri
 * {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations}. The function ARN
 * is {@code arn:aws:lambda:{region}:{account}:function:{name}[:alias]}; {@code ${stageVariables.x}} may appear
 * anywhere and is resolved per request.
 */
final class LambdaFunctionUri {

    private static final Pattern INVOCATIONS =
            Pattern.compile("arn:aws:apigateway:[^:]*:lambda:path/2015-03-31/functions/(.+)/invocations");
    private static final Pattern FUNCTION_ARN =
            Pattern.compile("arn:aws:lambda:[^:]*:[^:]*:function:([^:/]+)(?::([^:/]+))?");
    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.([^}]+)}");
    private static final Pattern BARE_NAME = Pattern.compile("[A-Za-z0-9_-]+(?::[A-Za-z0-9_$-]+)?");

    /** A function name and its qualifier (alias or version), or {@code null} for none. */
    record Function(String name, String qualifier) {
    }

    private LambdaFunctionUri() {
    }

    /**
     * The function of {@code uri}, its stage variables replaced from {@code stageVariables}.
     *
     * @throws IllegalArgumentException naming what is wrong, when the uri names no function
     */
    static Function parse(String uri, Map<String, String> stageVariables) {
        if (uri == null) {
            throw new IllegalArgumentException("the integration has no uri");
        }
        Matcher variable = STAGE_VARIABLE.matcher(uri);
        StringBuilder resolved = new StringBuilder();
        while (variable.find()) {
            String value = stageVariables.get(variable.group(1));
            if (value == null) {
                throw new IllegalArgumentException("stage variable '" + variable.group(1) + "' of uri " + uri
                        + " is not set");
            }
            variable.appendReplacement(resolved, Matcher.quoteReplacement(value));
        }
        variable.appendTail(resolved);
        Matcher invocations = INVOCATIONS.matcher(resolved);
        if (!invocations.matches()) {
            throw new IllegalArgumentException("not a Lambda invocation uri: " + resolved);
        }
        String functionArn = invocations.group(1);
        Matcher arn = FUNCTION_ARN.matcher(functionArn);
        if (arn.matches()) {
            return new Function(arn.group(1), arn.group(2));
        }
        if (BARE_NAME.matcher(functionArn).matches()) {
            int colon = functionArn.indexOf(':');
            return colon < 0 ? new Function(functionArn, null)
                    : new Function(functionArn.substring(0, colon), functionArn.substring(colon + 1));
        }
        throw new IllegalArgumentException("not a Lambda function ARN: " + functionArn);
    }
}
