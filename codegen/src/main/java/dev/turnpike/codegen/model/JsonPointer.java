package dev.turnpike.codegen.model;

/**
 * An RFC 6901 JSON pointer, built one reference token at a time so that every token is escaped ({@code ~} as
 * {@code ~0}, {@code /} as {@code ~1}): {@code /paths/~1pets~1{petId}/get}.
 */
public record JsonPointer(String value) {

    public static final JsonPointer ROOT = new JsonPointer("");

    public static JsonPointer of(String... tokens) {
        JsonPointer pointer = ROOT;
        for (String token : tokens) {
            pointer = pointer.append(token);
        }
        return pointer;
    }

    public JsonPointer append(String token) {
        return new JsonPointer(value + "/" + token.replace("~", "~0").replace("/", "~1"));
    }

    public JsonPointer append(int index) {
        return new JsonPointer(value + "/" + index);
    }

    @Override
    public String toString() {
        return "#" + value;
    }
}
