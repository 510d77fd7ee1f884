package dev.turnpike.runtime.integration;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The target of an {@code AWS} integration with a service other than Lambda, read from its uri
 * {@code arn:aws:apigateway:{region}:{subdomain.}{service}:action/{Action}{&p=v...}} or {@code
 * ...:path/{path}}: as API Gateway does, the action form calls {@code /?Action={Action}&p=v...} and the path form
 * calls {@code /{path}}, on {@code https://{subdomain.}{service}.{region}.amazonaws.com} unless the service's endpoint
 * is overridden. The region and service are the request's SigV4 scope.
 *
 * @param region the service's region, which the request is signed for
 * @param subdomain the host's first labels before the service (S3's bucket, SageMaker's {@code runtime}), or
 *     {@code null}
 * @param service the service name: its endpoint prefix and SigV4 signing name
 * @param action whether the uri has the action form (else the path form)
 * @param target the action and its parameters, or the path, as written (may hold {@code {name}} and stage
 *     variables)
 */
record AwsServiceUri(String region, String subdomain, String service, boolean action, String target) {

    /**
     * The {@code X-Amz-Target} prefix of JSON-protocol services, which take the action in that header, not in the
     * query. API Gateway adds the header for the action form: AWS's Kinesis proxy example maps only
     * {@code Content-Type}, and Kinesis refuses a call without it.
     */
    private static final Map<String, String> JSON_TARGET_PREFIXES = Map.ofEntries(
            Map.entry("kinesis", "Kinesis_20131202"),
            Map.entry("dynamodb", "DynamoDB_20120810"),
            Map.entry("firehose", "Firehose_20150804"),
            Map.entry("logs", "Logs_20140328"),
            Map.entry("events", "AWSEvents"),
            Map.entry("states", "AWSStepFunctions"),
            Map.entry("ssm", "AmazonSSM"),
            Map.entry("secretsmanager", "secretsmanager"),
            Map.entry("kms", "TrentService"));

    private static final Pattern ARN =
            Pattern.compile("arn:aws[a-z-]*:apigateway:([a-z0-9-]+):([A-Za-z0-9.-]+):(action|path)/(.*)");

    /**
     * @throws IllegalArgumentException when {@code uri} is not an AWS service integration uri
     */
    static AwsServiceUri parse(String uri) {
        Matcher m = uri == null ? null : ARN.matcher(uri);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("not an AWS service integration uri"
                    + " (arn:aws:apigateway:{region}:{service}:action/{Action} or :path/{path}): " + uri);
        }
        String host = m.group(2);
        int dot = host.lastIndexOf('.');
        return new AwsServiceUri(m.group(1), dot < 0 ? null : host.substring(0, dot), host.substring(dot + 1),
                m.group(3).equals("action"), m.group(4));
    }

    /** Whether {@code uri} has this shape: an AWS integration with a service, Lambda's included. */
    static boolean matches(String uri) {
        return uri != null && ARN.matcher(uri).matches();
    }

    /**
     * The backend URL, still with its {@code {name}} and stage variable placeholders for {@link IntegrationUri}:
     * on {@code endpoints}' URL for the service when there is one (a local stack; the subdomain is then dropped).
     */
    String urlTemplate(Map<String, String> endpoints) {
        String override = endpoints.get(service);
        String base = override != null ? stripSlash(override)
                : "https://" + (subdomain == null ? "" : subdomain + ".") + service + "." + region + ".amazonaws.com";
        return base + (action ? "/?Action=" + target : "/" + target);
    }

    /**
     * The {@code X-Amz-Target} of an action on a JSON-protocol service ({@code Kinesis_20131202.ListStreams}), or
     * {@code null}: a path, or a service that reads the action from the query.
     */
    String jsonTarget() {
        String prefix = JSON_TARGET_PREFIXES.get(service);
        if (!action || prefix == null) {
            return null;
        }
        int parameters = target.indexOf('&');
        return prefix + "." + (parameters < 0 ? target : target.substring(0, parameters));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
