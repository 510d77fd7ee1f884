package dev.turnpike.runtime.template;

import java.util.HashMap;
import java.util.Map;

/**
 * A map inside {@code $context} ({@code identity}, {@code authorizer}, {@code requestOverride}, ...). It is a
 * {@link HashMap} because AWS's {@code keySet()} order is HashMap order, and it renders as the empty string:
 * {@code $context.get('identity')} prints nothing on AWS (SEMANTICS.md §2.12).
 */
final class ContextMap extends HashMap<String, Object> {

    private static final long serialVersionUID = 1L;

    ContextMap() {
    }

    ContextMap(Map<String, ?> values) {
        super(values);
    }

    @Override
    public String toString() {
        return "";
    }
}
