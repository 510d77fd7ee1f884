package dev.turnpike.codegen.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Maps of the model keep the definition's order (generated code and messages follow it), and are frozen. */
final class OrderedMaps {

    private OrderedMaps() {
    }

    static <K, V> Map<K, V> copyOf(Map<K, V> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
