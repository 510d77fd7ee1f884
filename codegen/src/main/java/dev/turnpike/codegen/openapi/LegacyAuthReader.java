package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.Locale;

/**
 * {@code x-amazon-apigateway-auth} on an operation: the importer's older way to say IAM ({@code aws_iam}) or
 * nothing ({@code none}). It overrides what {@code security} says.
 */
final class LegacyAuthReader {

    static final String NAME = "x-amazon-apigateway-auth";

    private LegacyAuthReader() {
    }

    /** {@code AWS_IAM}, {@code NONE}, or {@code null} when absent or wrong (reported). */
    static String authorizationType(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        if (value == null) {
            return null;
        }
        ExtensionObject auth = ExtensionObject.of(value, pointer, diagnostics);
        if (auth == null) {
            return null;
        }
        String type = auth.string("type");
        if (type == null) {
            diagnostics.error(pointer, "missing type: expected aws_iam or none");
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "aws_iam" -> "AWS_IAM";
            case "none" -> "NONE";
            default -> {
                diagnostics.error(pointer.append("type"), "unknown type '" + type + "': expected aws_iam or none");
                yield null;
            }
        };
    }
}
