package dev.turnpike.codegen.openapi;

import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.JsonPointer;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code x-amazon-apigateway-binary-media-types}: the media types API Gateway treats as binary, a list of
 * {@code type/subtype} strings where either part may be {@code *}.
 */
final class BinaryMediaTypesReader {

    static final String NAME = "x-amazon-apigateway-binary-media-types";

    private BinaryMediaTypesReader() {
    }

    /** The media types, in definition order; empty when the definition declares none. */
    static List<String> read(Object value, JsonPointer pointer, Diagnostics diagnostics) {
        List<String> types = new ArrayList<>();
        if (value == null) {
            return types;
        }
        if (!(value instanceof List<?> list)) {
            diagnostics.error(pointer, "expected a list of media types, found " + ExtensionObject.describe(value));
            return types;
        }
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            if (element instanceof String type && type.matches("[^/\\s]+/[^/\\s]+")) {
                if (!types.contains(type)) {
                    types.add(type);
                }
            } else {
                diagnostics.error(pointer.append(i), "expected a media type such as image/png, found "
                        + ExtensionObject.describe(element));
            }
        }
        return types;
    }
}
