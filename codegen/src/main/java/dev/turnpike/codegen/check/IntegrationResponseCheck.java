package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.IntegrationResponseModel;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The entries of an integration's {@code responses}: the selection pattern is a Java regular expression (API
 * Gateway's own dialect), the status a three-digit HTTP status, and each response parameter maps a
 * {@code method.response.header.*} from a source API Gateway can evaluate.
 */
final class IntegrationResponseCheck {

    private static final Pattern STATUS = Pattern.compile("[1-5]\\d\\d");
    private static final Pattern TARGET = Pattern.compile("method\\.response\\.header\\..+");
    private static final Pattern SOURCE = Pattern.compile(
            "integration\\.response\\.(header|multivalueheader)\\..+|integration\\.response\\.body(\\..+)?");

    private IntegrationResponseCheck() {
    }

    static void check(IntegrationModel integration, Diagnostics diagnostics) {
        for (IntegrationResponseModel response : integration.responses()) {
            if (!response.isDefault()) {
                try {
                    Pattern.compile(response.selectionPattern());
                } catch (PatternSyntaxException e) {
                    diagnostics.error(response.pointer(), "selectionPattern '" + response.selectionPattern()
                            + "' is not a valid regular expression: " + e.getDescription()
                            + " near index " + e.getIndex());
                }
            }
            if (response.statusCode() != null && !STATUS.matcher(response.statusCode()).matches()) {
                diagnostics.error(response.pointer().append("statusCode"), "statusCode '" + response.statusCode()
                        + "' is not a three-digit HTTP status code");
            }
            response.responseParameters().forEach((target, source) -> {
                JsonPointer pointer = response.pointer().append("responseParameters").append(target);
                if (!TARGET.matcher(target).matches()) {
                    diagnostics.error(pointer, "'" + target + "' is not a response parameter target: expected"
                            + " method.response.header.<name>");
                }
                if (!SOURCE.matcher(source).matches() && !RequestParameterCheck.isStaticValueOrVariable(source)) {
                    diagnostics.error(pointer, "'" + source + "' is not a response parameter source: expected"
                            + " integration.response.header.<name>, integration.response.body, a 'static value',"
                            + " stageVariables.<name> or context.<name>");
                }
            });
        }
    }
}
