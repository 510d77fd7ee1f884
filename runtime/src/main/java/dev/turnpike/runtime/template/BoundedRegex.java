package dev.turnpike.runtime.template;

import java.util.regex.Pattern;
import org.apache.velocity.util.introspection.Info;

/** String's regex methods, run on an input that checks the render clock, so no pattern can hang. */
final class BoundedRegex {

    private BoundedRegex() {
    }

    static boolean isRegexMethod(String name, Object[] params) {
        return switch (name) {
            case "replaceAll", "replaceFirst" -> params.length == 2 && params[1] instanceof String;
            case "matches" -> params.length == 1;
            case "split" -> params.length == 1 || params.length == 2 && params[1] instanceof Number;
            default -> false;
        };
    }

    static Object invoke(String s, String name, Object[] params, RenderBudget budget, Info info) {
        Pattern pattern = Pattern.compile((String) params[0]);
        CharSequence input = new ClockedChars(s, budget, info);
        return switch (name) {
            case "replaceAll" -> pattern.matcher(input).replaceAll((String) params[1]);
            case "replaceFirst" -> pattern.matcher(input).replaceFirst((String) params[1]);
            case "matches" -> pattern.matcher(input).matches();
            default -> pattern.split(input, params.length == 2 ? ((Number) params[1]).intValue() : 0);
        };
    }

    /** The input of a match: every character read also reads the render clock (every 64th time). */
    private record ClockedChars(CharSequence text, RenderBudget budget, Info info) implements CharSequence {

        @Override
        public char charAt(int index) {
            budget.tick(info);
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new ClockedChars(text.subSequence(start, end), budget, info);
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
