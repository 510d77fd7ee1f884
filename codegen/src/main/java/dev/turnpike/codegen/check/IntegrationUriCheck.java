package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.runtime.model.IntegrationType;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An integration's {@code uri}: an absolute http(s) URL for HTTP integrations, an API Gateway service ARN for AWS
 * ones. {@code ${stageVariables.x}} may appear anywhere (the stage fills it in per request), and so may the AWS
 * variables API Gateway resolves at import ({@code ${AWS::Region}}, {@code ${AWS::Partition}},
 * {@code ${AWS::AccountId}}); any other {@code ${...}} is a template placeholder nobody will fill in.
 */
final class IntegrationUriCheck {

    private static final Pattern STAGE_VARIABLE = Pattern.compile("\\$\\{stageVariables\\.[A-Za-z0-9_]+}");
    private static final Pattern AWS_VARIABLE = Pattern.compile("\\$\\{AWS::(Region|Partition|AccountId)}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{[^}]*}");
    private static final Pattern ABSOLUTE_HTTP_URL = Pattern.compile("(?i)https?://[^/?#\\s]+([/?#]\\S*)?");
    private static final Pattern SERVICE_ARN =
            Pattern.compile("arn:aws[a-z-]*:apigateway:[a-z0-9-]+:[^:/]+:(path|action)/.+");

    private IntegrationUriCheck() {
    }

    static void check(IntegrationModel integration, IntegrationType type, Diagnostics diagnostics) {
        String uri = integration.uri();
        if (uri == null) {
            // A uri of the wrong kind (a CloudFormation intrinsic, say) was reported when it was read.
            if (!integration.fields().contains("uri")) {
                diagnostics.error(integration.pointer(), "missing uri: " + IntegrationCheck.article(type)
                        + " integration needs one");
            }
            return;
        }
        // Placeholders become plain words, so what is left can be parsed.
        String checked = AWS_VARIABLE.matcher(STAGE_VARIABLE.matcher(uri).replaceAll("stagevariable"))
                .replaceAll(m -> m.group(1).equals("Partition") ? "aws" : "awsvariable");
        Matcher placeholder = PLACEHOLDER.matcher(checked);
        if (placeholder.find()) {
            diagnostics.error(integration.field("uri"), "uri '" + uri + "' has the placeholder " + placeholder.group()
                    + ", which is neither ${stageVariables.name} nor an AWS variable (${AWS::Region},"
                    + " ${AWS::Partition}, ${AWS::AccountId}): nothing fills it in");
            return;
        }
        boolean http = type == IntegrationType.HTTP || type == IntegrationType.HTTP_PROXY;
        if (http && !uri.startsWith("${stageVariables.") && !isAbsoluteHttpUrl(checked)) {
            diagnostics.error(integration.field("uri"), "uri '" + uri + "' is not an absolute http or https URL");
        } else if (!http && !SERVICE_ARN.matcher(checked).matches()) {
            diagnostics.error(integration.field("uri"), "uri '" + uri + "' is not an API Gateway service ARN"
                    + " (arn:aws:apigateway:{region}:{service}:path/{path} or :action/{action})");
        }
    }

    /** Scheme and authority are there; the rest is the backend's business (and may hold placeholders). */
    private static boolean isAbsoluteHttpUrl(String uri) {
        return ABSOLUTE_HTTP_URL.matcher(PATH_PARAMETER.matcher(uri).replaceAll("param")).matches();
    }
}
