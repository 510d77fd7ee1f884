package dev.turnpike.runtime.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * HTTP header fields in arrival order, names kept as the sender wrote them (API Gateway passes the client's
 * casing on), looked up without regard to case. Small and allocation-light: header sections are short, so a
 * list scan beats hashing.
 */
public final class Headers {

    private final List<String> names;
    private final List<String> values;

    public Headers() {
        this(16);
    }

    private Headers(int capacity) {
        names = new ArrayList<>(capacity);
        values = new ArrayList<>(capacity);
    }

    public Headers add(String name, String value) {
        names.add(name);
        values.add(value);
        return this;
    }

    /** Replaces every field of this name with one. */
    public Headers set(String name, String value) {
        remove(name);
        return add(name, value);
    }

    public Headers remove(String name) {
        for (int i = names.size() - 1; i >= 0; i--) {
            if (names.get(i).equalsIgnoreCase(name)) {
                names.remove(i);
                values.remove(i);
            }
        }
        return this;
    }

    /** The first value of this field, or {@code null}. */
    public String first(String name) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return values.get(i);
            }
        }
        return null;
    }

    public List<String> all(String name) {
        List<String> found = new ArrayList<>(2);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                found.add(values.get(i));
            }
        }
        return Collections.unmodifiableList(found);
    }

    public boolean contains(String name) {
        return first(name) != null;
    }

    public int size() {
        return names.size();
    }

    public void forEach(BiConsumer<String, String> action) {
        for (int i = 0; i < names.size(); i++) {
            action.accept(names.get(i), values.get(i));
        }
    }

    public Headers copy() {
        Headers copy = new Headers(names.size() + 4);
        copy.names.addAll(names);
        copy.values.addAll(values);
        return copy;
    }


    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        forEach((n, v) -> sb.append(n).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
