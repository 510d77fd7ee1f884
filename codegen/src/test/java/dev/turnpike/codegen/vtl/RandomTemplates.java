package dev.turnpike.codegen.vtl;

import java.util.List;
import java.util.Random;

/**
 * Random mapping templates from a small VTL grammar: text and whitespace around directives (the gobbling rules),
 * references with properties, methods, indexes, quiet, formal and escaped forms, {@code #set} of variables, map
 * entries and list elements, {@code #if/#elseif/#else}, {@code #foreach} with {@code $foreach} and {@code #break},
 * {@code #stop}, comments, string interpolation, and arithmetic and comparisons over mixed types, nulls and
 * undefined values. Seeded: the same seed gives the same templates.
 */
final class RandomTemplates {

    private static final List<String> VARIABLES = List.of("x", "y", "list", "map", "s", "n", "f", "undefined",
            "item", "foreach");
    private static final List<String> TEXT = List.of(" ", "\n", "  ", "\t", "{", "}", "\"k\": ", ",", "a", "x=",
            "\n  ", " \n", "#", "$", "\\", "()", "[1]", "\"");
    private static final List<String> PROPERTIES = List.of("a", "b", "k", "n", "size", "empty", "index", "hasNext",
            "count", "first", "last", "body", "requestId", "version", "missing", "X-Amz-Target", "class");
    private static final List<String> NO_ARG_METHODS = List.of("size()", "isEmpty()", "toString()", "length()",
            "keySet()", "values()", "trim()", "toUpperCase()", "intValue()", "getClass()", "hashCode()", "entrySet()");
    private static final List<String> PATHS = List.of("'$'", "'$.a'", "'$.list'", "'$.obj'", "'$.s'", "'$.missing'",
            "\"$.obj.k\"", "'$.list[0]'");

    private final Random random;
    private int depth;

    RandomTemplates(long seed) {
        this.random = new Random(seed);
    }

    String template() {
        StringBuilder out = new StringBuilder();
        if (random.nextInt(3) > 0) {
            out.append("#set($list = [1, \"two\", 3.5, $null])#set($map = {\"k\": \"v\", \"n\": 2})")
                    .append(pick(List.of("", "\n", "\n  ")))
                    .append("#set($s = \"str\")#set($n = 7)#set($f = 2.5)").append(pick(List.of("", "\n")));
        }
        depth = 0;
        block(out, 2 + random.nextInt(6));
        return out.toString();
    }

    private void block(StringBuilder out, int statements) {
        for (int i = 0; i < statements; i++) {
            statement(out);
        }
    }

    private void statement(StringBuilder out) {
        int choice = random.nextInt(depth > 2 ? 5 : 12);
        switch (choice) {
            case 0, 1 -> out.append(pick(TEXT));
            case 2, 3 -> out.append(reference(true));
            case 4 -> out.append(lineStart()).append("#set(").append(target()).append(" = ").append(expression())
                    .append(")").append(lineEnd());
            case 5, 6 -> conditional(out);
            case 7, 8 -> loop(out);
            case 9 -> out.append(pick(List.of("## a comment\n", "#* block\ncomment *#", "#[[ raw $x #if ]]#",
                    "\\#if($x)", "#{end}", "#stop", "#break")));
            case 10 -> out.append("\"").append(reference(true)).append(" and ").append(reference(true)).append("\"");
            default -> out.append(lineStart()).append(reference(false)).append(lineEnd());
        }
    }

    private void conditional(StringBuilder out) {
        depth++;
        out.append(lineStart()).append("#if(").append(condition()).append(")").append(lineEnd());
        block(out, 1 + random.nextInt(3));
        if (random.nextBoolean()) {
            out.append(lineStart()).append("#elseif(").append(condition()).append(")").append(lineEnd());
            block(out, 1 + random.nextInt(2));
        }
        if (random.nextBoolean()) {
            out.append(lineStart()).append("#else").append(lineEnd());
            block(out, 1 + random.nextInt(2));
        }
        out.append(lineStart()).append(pick(List.of("#end", "#{end}"))).append(lineEnd());
        depth--;
    }

    private void loop(StringBuilder out) {
        depth++;
        String iterable = pick(List.of("$list", "$map.keySet()", "[1..3]", "[3..1]", "$map", "$input.path('$.list')",
                "$undefined", "$s", "[]", "$map.entrySet()", "$input.params().header.keySet()", "[$n..2]"));
        out.append(lineStart()).append("#foreach($").append(pick(List.of("item", "x", "y"))).append(" in ")
                .append(iterable).append(")").append(lineEnd());
        block(out, 1 + random.nextInt(3));
        if (random.nextInt(4) == 0) {
            out.append("$foreach.index:$foreach.count:$foreach.hasNext:$foreach.first:$foreach.last:$velocityCount");
        }
        if (random.nextInt(5) == 0) {
            out.append("#if($foreach.index == 1)#break#end");
        }
        if (random.nextInt(6) == 0) {
            out.append(lineStart()).append("#else").append(lineEnd()).append("none");
        }
        out.append(lineStart()).append("#end").append(lineEnd());
        depth--;
    }

    private String lineStart() {
        return pick(List.of("", "", "\n", "\n  ", "\n\t", " "));
    }

    private String lineEnd() {
        return pick(List.of("", "", "\n", " \n", "  "));
    }

    private String target() {
        String v = "$" + pick(List.of("x", "y", "s", "n", "map", "list", "undefined"));
        return switch (random.nextInt(5)) {
            case 0 -> v + "." + pick(List.of("k", "a", "X-Amz-Target"));
            case 1 -> v + "[" + pick(List.of("0", "1", "-1", "\"k\"", "$n", "5")) + "]";
            case 2 -> "$context.responseOverride." + pick(List.of("status", "header.X-Test"));
            default -> v;
        };
    }

    private String reference(boolean decorated) {
        StringBuilder ref = new StringBuilder();
        String root = random.nextInt(4) == 0 ? pick(List.of("input", "util", "context", "stageVariables", "method"))
                : pick(VARIABLES);
        int steps = random.nextInt(3);
        for (int i = 0; i < steps; i++) {
            switch (random.nextInt(5)) {
                case 0, 1 -> ref.append('.').append(pick(PROPERTIES));
                case 2 -> ref.append('.').append(pick(NO_ARG_METHODS));
                case 3 -> ref.append('.').append(pick(List.of("get(", "contains(", "replaceAll(\"a\", ", "equals(",
                        "put(\"k\", ", "add(", "substring(", "charAt(", "path(", "json(", "params(",
                        "escapeJavaScript(", "urlEncode(", "base64Encode(", "parseJson(")))
                        .append(random.nextBoolean() ? pick(PATHS) : operand()).append(')');
                default -> ref.append('[').append(pick(List.of("0", "1", "-1", "\"k\"", "$n", "9", "\"n\""))).append(']');
            }
        }
        String name = root + ref;
        if (!decorated) {
            return "$" + name;
        }
        return switch (random.nextInt(6)) {
            case 0 -> "$!" + name;
            case 1 -> "${" + name + "}";
            case 2 -> "$!{" + name + "}";
            case 3 -> "\\$" + name;
            default -> "$" + name;
        };
    }

    private String expression() {
        return switch (random.nextInt(9)) {
            case 0 -> operand() + " " + pick(List.of("+", "-", "*", "/", "%")) + " " + operand();
            case 1 -> "(" + operand() + " + " + operand() + ") * " + operand();
            case 2 -> "[" + operand() + ", " + operand() + "]";
            case 3 -> "{\"a\": " + operand() + ", \"b\": " + operand() + "}";
            case 4 -> "[" + pick(List.of("1", "$n", "-2", "\"3\"")) + ".." + pick(List.of("3", "0", "$n")) + "]";
            case 5 -> condition();
            case 6 -> "-" + operand();
            default -> operand();
        };
    }

    private String operand() {
        return switch (random.nextInt(10)) {
            case 0 -> pick(List.of("0", "1", "7", "-3", "2147483647", "10000000000"));
            case 1 -> pick(List.of("1.5", "0.0", "-2.25"));
            case 2 -> pick(List.of("'plain'", "''", "'it''s'", "\"\"", "\"5\""));
            case 3 -> "\"in $" + pick(VARIABLES) + " #if($n > 1)big#end\"";
            case 4 -> pick(List.of("true", "false"));
            default -> reference(false);
        };
    }

    private String condition() {
        return switch (random.nextInt(7)) {
            case 0 -> operand() + " " + pick(List.of("==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt")) + " "
                    + operand();
            case 1 -> condition() + pick(List.of(" && ", " || ", " and ", " or ")) + condition();
            case 2 -> "!" + operand();
            case 3 -> "!(" + condition() + ")";
            default -> operand();
        };
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
