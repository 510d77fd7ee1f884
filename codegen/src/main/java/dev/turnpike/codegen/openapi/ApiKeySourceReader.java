package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.Locale;

/** {@code x-amazon-apigateway-api-key-source}: where API keys come from, {@code HEADER} or {@code AUTHORIZER}. */
final class ApiKeySourceReader {

    static final String NAME = "x-amazon-apigateway-api-key-source";

    private ApiKeySourceReader() {
    }

    /** The source, {@code HEADER} when the definition does not say (API Gateway's default). */
    static String read(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return "HEADER";
        }
        String source = value instanceof String s ? s.toUpperCase(Locale.ROOT) : null;
        if ("HEADER".equals(source) || "AUTHORIZER".equals(source)) {
            return source;
        }
        diagnostics.error(pointer, "expected HEADER or AUTHORIZER, found " + ExtensionObject.describe(value));
        return "HEADER";
    }
}
