package dev.turnpike.codegen.check;

import dev.turnpike.codegen.model.IntegrationModel;
import dev.turnpike.codegen.model.IntegrationResponseModel;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every request and response mapping template is parsed at build time with the runtime's own parser, so a template
 * that would fail at run time fails the build instead, with its definition file, JSON pointer and line:column. A
 * call of a {@code $util} method API Gateway does not have is refused too (AWS would fail the request with 500).
 */
final class TemplateCheck {

    /** The {@code $util} functions of API Gateway's template runtime. */
    static final List<String> UTIL_METHODS = List.of("base64Decode", "base64Encode", "escapeJavaScript", "parseJson",
            "urlDecode", "urlEncode");

    /** {@code $util.name}, {@code $!util.name}, {@code ${util.name}}, not escaped with a backslash. */
    private static final Pattern UTIL_CALL = Pattern.compile("(?<!\\\\)\\$!?\\{?util\\.([A-Za-z_][A-Za-z0-9_]*)");

    private TemplateCheck() {
    }

    static void check(IntegrationModel integration, Diagnostics diagnostics) {
        checkAll(integration.requestTemplates(), integration.field("requestTemplates"), diagnostics);
        for (IntegrationResponseModel response : integration.responses()) {
            checkAll(response.responseTemplates(), response.pointer().append("responseTemplates"), diagnostics);
        }
    }

    /** The templates of {@code x-amazon-apigateway-gateway-responses}, which the gateway parses at start. */
    static void check(dev.turnpike.codegen.model.ApiModel api, Diagnostics diagnostics) {
        api.gatewayResponses().values().forEach(response -> checkAll(response.responseTemplates(),
                new JsonPointer(response.pointer()).append("responseTemplates"), diagnostics));
    }

    private static void checkAll(Map<String, String> templates, JsonPointer at, Diagnostics diagnostics) {
        templates.forEach((contentType, source) -> check(source, at.append(contentType), diagnostics));
    }

    private static void check(String source, JsonPointer pointer, Diagnostics diagnostics) {
        String parseProblem = TemplateParsing.problem(source);
        if (parseProblem != null) {
            diagnostics.error(pointer, parseProblem);
            return;
        }
        Matcher util = UTIL_CALL.matcher(source);
        while (util.find()) {
            String method = util.group(1);
            if (!UTIL_METHODS.contains(method)) {
                diagnostics.error(pointer, position(source, util.start()) + ": unknown $util method '" + method
                        + "': API Gateway has " + String.join(", ", UTIL_METHODS));
            }
        }
    }

    /** {@code line L, column C} (both from 1) of an offset in a template. */
    static String position(String source, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (source.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return "line " + line + ", column " + (offset - lineStart + 1);
    }
}
