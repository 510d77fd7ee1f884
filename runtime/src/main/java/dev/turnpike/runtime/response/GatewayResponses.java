package dev.turnpike.runtime.response;

import dev.turnpike.runtime.http.Headers;
import dev.turnpike.runtime.model.GatewayResponseSpec;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The one place gateway errors become responses. A type the API customises renders through its customisation;
 * otherwise through the API's {@code DEFAULT_4XX} or {@code DEFAULT_5XX} (by the type's status class); otherwise
 * as AWS does by default: the type's status, {@code {"message":"..."}} (AWS's default template
 * {@code {"message":$context.error.messageString}}) and {@code x-amzn-ErrorType}. Templates are parsed when the
 * gateway is built, never per request.
 */
public final class GatewayResponses {

    /** AWS's default responses, with no customisation. */
    public static final GatewayResponses DEFAULTS = new GatewayResponses(Map.of());

    private static final String HEADER_TARGET = "gatewayresponse.header.";
    private static final String JSON = "application/json";

    private final Map<GatewayResponseType, Custom> custom;

    private GatewayResponses(Map<GatewayResponseType, Custom> custom) {
        this.custom = custom;
    }

    /**
     * Parses the customised responses' templates.
     *
     * @param source the definition file, for template messages
     * @throws IllegalArgumentException when a template does not parse (codegen checks them, so only hand-written
     *     APIs get here)
     */
    public static GatewayResponses of(Map<GatewayResponseType, GatewayResponseSpec> specs, String source) {
        if (specs.isEmpty()) {
            return DEFAULTS;
        }
        Map<GatewayResponseType, Custom> custom = new EnumMap<>(GatewayResponseType.class);
        specs.forEach((type, spec) -> {
            Map<String, MappingTemplate> templates = new LinkedHashMap<>();
            spec.responseTemplates().forEach((contentType, text) -> {
                String name = source + " " + spec.pointer() + "/responseTemplates/" + contentType.replace("/", "~1");
                try {
                    templates.put(contentType, MappingTemplate.prepare(text, name));
                } catch (TemplateException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            });
            custom.put(type, new Custom(spec, templates));
        });
        return new GatewayResponses(custom);
    }

    /** A rendered error. */
    public record Rendered(int status, Headers headers, byte[] body) {
    }

    /** AWS's default rendering of {@code error}, for callers with no API at hand. */
    public static Rendered render(GatewayError error) {
        return DEFAULTS.render(error, () -> ErrorRequest.NONE);
    }

    /**
     * {@code error} as this API answers it to the request. The request's view is asked for only when a
     * customisation reads it: most errors (an unknown route, say) are AWS's defaults and need nothing of it.
     */
    public Rendered render(GatewayError error, Supplier<ErrorRequest> requestView) {
        Custom customised = customisation(error.type());
        if (customised == null) {
            return byDefault(error);
        }
        ErrorRequest request = requestView.get();
        Headers headers = new Headers();
        Map<String, Object> errorContext = errorContext(error);
        Map<String, Object> context = new HashMap<>(request.context());
        context.put("error", errorContext);
        customised.spec.responseParameters().forEach((target, source) -> {
            if (target.startsWith(HEADER_TARGET)) {
                String value = parameter(source, request, context);
                if (value != null) {
                    headers.set(target.substring(HEADER_TARGET.length()), value);
                }
            }
        });
        String contentType = JSON;
        String body;
        Map.Entry<String, MappingTemplate> template = customised.template();
        if (template == null) {
            body = defaultBody(error);
        } else {
            contentType = template.getKey();
            try {
                body = template.getValue().render(TemplateContext.builder()
                        .pathParameters(request.pathParameters())
                        .queryParameters(request.queryParameters())
                        .headers(request.headers())
                        .stageVariables(request.stageVariables())
                        .context(context)
                        .build());
            } catch (TemplateException e) {
                System.getLogger(GatewayResponses.class.getName()).log(System.Logger.Level.WARNING,
                        "gateway response template failed: " + e.getMessage());
                return byDefault(new GatewayError(GatewayResponseType.DEFAULT_5XX, null, e.getMessage()));
            }
        }
        if (headers.first("Content-Type") == null) {
            headers.set("Content-Type", contentType);
        }
        headers.set("x-amzn-ErrorType", error.errorTypeOrDefault());
        return new Rendered(status(error, customised.spec), headers, body.getBytes(StandardCharsets.UTF_8));
    }

    private Custom customisation(GatewayResponseType type) {
        if (type == GatewayResponseType.FORBIDDEN) {
            return null;
        }
        Custom own = custom.get(type);
        if (own != null) {
            return own;
        }
        return custom.get(type.defaultStatus() >= 500 ? GatewayResponseType.DEFAULT_5XX : GatewayResponseType.DEFAULT_4XX);
    }

    /**
     * The customised status, else the type's own. Recorded on AWS: a customised INTEGRATION_FAILURE without a
     * status code answers 500, not the 504 its default advertises (SEMANTICS.md §8).
     */
    private static int status(GatewayError error, GatewayResponseSpec spec) {
        if (spec.statusCode() != null) {
            return Integer.parseInt(spec.statusCode());
        }
        return error.type() == GatewayResponseType.INTEGRATION_FAILURE ? 500 : error.statusOrDefault();
    }

    private static Rendered byDefault(GatewayError error) {
        Headers headers = new Headers()
                .add("Content-Type", JSON)
                .add("x-amzn-ErrorType", error.errorTypeOrDefault());
        return new Rendered(error.statusOrDefault(), headers, defaultBody(error).getBytes(StandardCharsets.UTF_8));
    }

    private static String defaultBody(GatewayError error) {
        return "{\"" + messageKey(error) + "\":" + Json.quote(error.messageOrDefault()) + "}";
    }

    /**
     * {@code message}, except for a denial by policy (a resource policy, an authorizer's or an IAM identity
     * policy), which AWS answers with {@code Message}: that answer is IAM's, not the gateway response template's.
     */
    private static String messageKey(GatewayError error) {
        return error.type() == GatewayResponseType.ACCESS_DENIED && error.message() != null ? "Message" : "message";
    }

    private static Map<String, Object> errorContext(GatewayError error) {
        Map<String, Object> context = new HashMap<>();
        context.put("message", error.messageOrDefault());
        context.put("messageString", Json.quote(error.messageOrDefault()));
        context.put("responseType", error.type().name());
        context.put("validationErrorString", error.validationErrorString());
        return context;
    }

    /** A response parameter's value; {@code null} when its source has none. */
    private static String parameter(String source, ErrorRequest request, Map<String, Object> context) {
        if (source.length() >= 2 && source.startsWith("'") && source.endsWith("'")) {
            return source.substring(1, source.length() - 1);
        }
        if (source.startsWith("method.request.header.")) {
            return last(ignoringCase(request.headers(), source.substring("method.request.header.".length())));
        }
        if (source.startsWith("method.request.querystring.")) {
            return last(request.queryParameters().get(source.substring("method.request.querystring.".length())));
        }
        if (source.startsWith("method.request.path.")) {
            return request.pathParameters().get(source.substring("method.request.path.".length()));
        }
        if (source.startsWith("stageVariables.")) {
            return request.stageVariables().get(source.substring("stageVariables.".length()));
        }
        if (source.startsWith("context.")) {
            Object value = context;
            for (String part : source.substring("context.".length()).split("\\.")) {
                value = value instanceof Map<?, ?> map ? map.get(part) : null;
            }
            return value == null || value instanceof Map<?, ?> ? null : String.valueOf(value);
        }
        return null;
    }

    private static List<String> ignoringCase(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return header.getValue();
            }
        }
        return null;
    }

    private static String last(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** A customisation with its parsed templates. */
    private record Custom(GatewayResponseSpec spec, Map<String, MappingTemplate> templates) {

        /** {@code application/json} when there is one (AWS's default content type), else the first. */
        Map.Entry<String, MappingTemplate> template() {
            if (templates.isEmpty()) {
                return null;
            }
            MappingTemplate json = templates.get(JSON);
            return json != null ? Map.entry(JSON, json) : templates.entrySet().iterator().next();
        }
    }

    @Override
    public String toString() {
        return "GatewayResponses" + custom.keySet();
    }
}
