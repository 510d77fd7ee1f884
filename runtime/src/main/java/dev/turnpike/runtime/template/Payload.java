package dev.turnpike.runtime.template;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JsonSmartJsonProvider;
import com.jayway.jsonpath.spi.mapper.JsonSmartMappingProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.minidev.json.JSONValue;
import net.minidev.json.parser.JSONParser;
import net.minidev.json.parser.ParseException;

/**
 * A payload as {@code $input.path} and {@code $input.json} see it, parsed the way API Gateway parses it: json-smart
 * in permissive mode under Jayway JsonPath (SEMANTICS.md §1, §2.4-2.7).
 *
 * <ul>
 *   <li>Objects are {@link java.util.LinkedHashMap}s (they print {@code {k=v, k2=v2}}), arrays are
 *       {@link net.minidev.json.JSONArray}s (they print compact JSON), numbers Integer/Long/Double, strings raw.
 *   <li>Text that is not JSON ({@code a=b}, {@code null{}) is the string itself; text that starts like JSON and
 *       breaks ({@code {a}) is a {@link BadPayloadException}, which API Gateway answers with 400.
 *   <li>An empty payload is {@code {}}.
 * </ul>
 *
 * Immutable once parsed; the values handed out are the live parsed objects (as on AWS), so a template that mutates
 * one sees its change in later reads of the same render.
 */
public final class Payload {

    private static final Configuration JSON_PATH = Configuration.builder()
            .jsonProvider(new JsonSmartJsonProvider(JSONParser.MODE_PERMISSIVE, JSONValue.defaultReader.DEFAULT_ORDERED))
            .mappingProvider(new JsonSmartMappingProvider())
            .build();

    private static final Object MISSING = new Object();
    /** Templates' paths are nearly always literals: compile each once. Bounded, so dynamic paths cannot grow it. */
    private static final Map<String, JsonPath> COMPILED = new ConcurrentHashMap<>();
    private static final int MAX_COMPILED = 4096;

    private final Object root;

    private Payload(Object root) {
        this.root = root;
    }

    /** Parses a payload; {@code null} or empty text is {@code {}}. */
    public static Payload parse(String text) throws BadPayloadException {
        return new Payload(parseValue(text == null || text.isEmpty() ? "{}" : text));
    }

    /** json-smart permissive parsing, as {@code $input.path} and {@code $util.parseJson} do it. */
    static Object parseValue(String text) throws BadPayloadException {
        try {
            return new JSONParser(JSONParser.MODE_PERMISSIVE).parse(text, JSONValue.defaultReader.DEFAULT_ORDERED);
        } catch (ParseException e) {
            throw new BadPayloadException(e);
        }
    }

    /** The parsed root value. */
    public Object root() {
        return root;
    }

    /**
     * {@code $input.path(expression)}: the selected value as a live object, {@code null} when the path selects
     * nothing or a JSON null.
     *
     * @throws IllegalArgumentException when the expression is not JSONPath
     */
    public Object path(String expression) {
        Object value = read(expression);
        return value == MISSING ? null : value;
    }

    /**
     * {@code $input.json(expression)}: the selected value as compact JSON ({@code /} written {@code \/}, as
     * json-smart does); a path that selects nothing gives {@code ""} (two quote characters, SEMANTICS.md §2.5).
     */
    public String json(String expression) {
        Object value = read(expression);
        return value == MISSING ? "\"\"" : toJson(value);
    }

    private Object read(String expression) {
        if (expression == null || expression.isBlank()) {
            return MISSING; // e.g. $input.path($undefined): selects nothing rather than failing the request
        }
        Object direct = SimplePath.read(expression, root);
        if (direct != SimplePath.UNDECIDED) {
            return direct == SimplePath.ABSENT ? MISSING : direct;
        }
        try {
            return compiled(expression).read(root, JSON_PATH);
        } catch (PathNotFoundException e) {
            return MISSING;
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid JSONPath " + quote(expression) + ": " + e.getMessage(), e);
        }
    }

    private static JsonPath compiled(String expression) {
        JsonPath path = COMPILED.get(expression);
        if (path == null) {
            path = JsonPath.compile(expression);
            if (COMPILED.size() < MAX_COMPILED) {
                COMPILED.put(expression, path);
            }
        }
        return path;
    }

    /** Compact JSON of a value from a payload, {@code $util.parseJson} or a literal. */
    public static String toJson(Object value) {
        return CompactJson.write(value);
    }

    private static String quote(String s) {
        return "'" + s + "'";
    }

    /** A payload that starts like JSON but does not parse. */
    public static final class BadPayloadException extends Exception {

        private static final long serialVersionUID = 1L;

        BadPayloadException(ParseException cause) {
            super(cause.getMessage(), cause);
        }

        /** The message API Gateway sends with its 400: {@code Could not process payload<exception>} (no space). */
        public String clientMessage() {
            return "Could not process payload" + getCause().getClass().getName() + ": " + getCause().getMessage();
        }
    }
}
