package dev.turnpike.runtime.integration;

import dev.turnpike.runtime.pipeline.Exchange;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Resolves an integration {@code uri} for one request: {@code ${stageVariables.x}} from the stage,
 * {@code ${AWS::Region}}, {@code ${AWS::AccountId}} and {@code ${AWS::Partition}} from the configuration, then each
 * {@code {name}} from the {@code integration.request.path.name} mapping. Path values go in as the client sent
 * them (still percent-encoded), so a greedy {@code {proxy}} keeps its slashes.
 */
final class IntegrationUri {

    private IntegrationUri() {
    }

    private static String awsVariable(String name, Exchange exchange) {
        String region = exchange.api().region();
        return switch (name) {
            case "Region" -> region;
            case "AccountId" -> exchange.api().accountId();
            case "Partition" -> region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
            default -> null;
        };
    }

    /** The resolved URI, or {@code null} with {@code problem[0]} set when it cannot be built. */
    static URI resolve(String template, Exchange exchange, Map<String, String> pathValues, String[] problem) {
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && template.startsWith("${stageVariables.", i)) {
                int end = template.indexOf('}', i);
                String name = template.substring(i + "${stageVariables.".length(), end);
                String value = exchange.stage().variables().get(name);
                if (value == null) {
                    problem[0] = "stage variable '" + name + "' is not set on stage '" + exchange.stage().name() + "'";
                    return null;
                }
                out.append(value);
                i = end + 1;
            } else if (c == '$' && template.startsWith("${AWS::", i)) {
                int end = template.indexOf('}', i);
                String value = awsVariable(template.substring(i + "${AWS::".length(), end), exchange);
                if (value == null) {
                    problem[0] = "unknown AWS variable " + template.substring(i, end + 1);
                    return null;
                }
                out.append(value);
                i = end + 1;
            } else if (c == '{') {
                int end = template.indexOf('}', i);
                if (end < 0) {
                    out.append(c);
                    i++;
                    continue;
                }
                String name = template.substring(i + 1, end);
                String value = pathValues.get(name);
                if (value == null) {
                    problem[0] = "no value for {" + name + "} in the integration uri";
                    return null;
                }
                out.append(value);
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        try {
            URI uri = new URI(out.toString());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                problem[0] = "invalid endpoint address: " + out;
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problem[0] = "invalid endpoint address: " + e.getMessage();
            return null;
        }
    }
}
