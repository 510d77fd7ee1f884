package dev.turnpike.runtime.template;

import java.util.Map;
import org.apache.velocity.runtime.directive.ForeachScope;

/**
 * The methods of {@code $input}, {@code $util} and maps called straight from a {@link CallSite}, without Velocity's
 * reflective lookup and invoke: they are most of a typical template's calls. Only calls whose Velocity resolution
 * is certain are taken (the receiver one of the two classes and every argument a String, or a map and a method
 * {@link Map} declares once); the caller meters them and wraps their failures as {@link SandboxUberspector} and
 * {@link CallSite} do for the same call made reflectively. Anything else goes the reflective way.
 */
final class DirectCalls {

    /** The call is not one of these: ask the uberspector. */
    static final Object NOT_DIRECT = new Object();

    private DirectCalls() {
    }

    /** Whether {@code o.name(args)} is a direct call (decided before anything is metered). */
    static boolean handles(Object o, String name, Object[] args) {
        if (o instanceof InputVariable) {
            return args.length == 0 ? name.equals("params") || name.equals("body") || name.equals("getBody")
                    : args.length == 1 && args[0] instanceof String
                            && (name.equals("json") || name.equals("path") || name.equals("params"));
        }
        if (o instanceof Map<?, ?> && !(o instanceof ForeachScope)) {
            // Map declares one method of each of these names, taking Objects: no overload or conversion to choose.
            return switch (args.length) {
                case 0 -> name.equals("keySet") || name.equals("size") || name.equals("isEmpty");
                case 1 -> name.equals("get") || name.equals("containsKey");
                case 2 -> name.equals("put");
                default -> false;
            };
        }
        return o instanceof UtilFunctions && args.length == 1 && args[0] instanceof String
                && switch (name) {
                    case "escapeJavaScript", "parseJson", "urlEncode", "urlDecode", "base64Encode", "base64Decode" ->
                            true;
                    default -> false;
                };
    }

    /**
     * {@code o.name(args)} when {@link #handles} says so, else {@link #NOT_DIRECT}.
     *
     * @throws Exception what the method throws (the caller wraps it as it wraps a reflective call's cause)
     */
    static Object call(Object o, String name, Object[] args) throws Exception {
        if (o instanceof InputVariable input) {
            return input(input, name, args);
        }
        if (o instanceof Map<?, ?> map && !(o instanceof ForeachScope)) {
            return map(map, name, args);
        }
        if (o instanceof UtilFunctions util && args.length == 1 && args[0] instanceof String s) {
            return switch (name) {
                case "escapeJavaScript" -> util.escapeJavaScript(s);
                case "parseJson" -> util.parseJson(s);
                case "urlEncode" -> util.urlEncode(s);
                case "urlDecode" -> util.urlDecode(s);
                case "base64Encode" -> util.base64Encode(s);
                case "base64Decode" -> util.base64Decode(s);
                default -> NOT_DIRECT;
            };
        }
        return NOT_DIRECT;
    }

    @SuppressWarnings("unchecked")
    private static Object map(Map<?, ?> map, String name, Object[] args) {
        return switch (name) {
            case "keySet" -> map.keySet();
            case "size" -> map.size();
            case "isEmpty" -> map.isEmpty();
            case "get" -> map.get(args[0]);
            case "containsKey" -> map.containsKey(args[0]);
            case "put" -> ((Map<Object, Object>) map).put(args[0], args[1]);
            default -> NOT_DIRECT;
        };
    }

    private static Object input(InputVariable input, String name, Object[] args) throws Exception {
        if (args.length == 0) {
            return switch (name) {
                case "params" -> input.params();
                case "body", "getBody" -> input.body();
                default -> NOT_DIRECT;
            };
        }
        if (args.length == 1 && args[0] instanceof String s) {
            return switch (name) {
                case "json" -> input.json(s);
                case "path" -> input.path(s);
                case "params" -> input.params(s);
                default -> NOT_DIRECT;
            };
        }
        return NOT_DIRECT;
    }
}
