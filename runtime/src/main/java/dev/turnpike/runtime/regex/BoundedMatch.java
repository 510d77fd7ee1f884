package dev.turnpike.runtime.regex;

import java.util.regex.Pattern;

/**
 * A regular expression from a definition ({@code selectionPattern}, {@code identityValidationExpression}) matched
 * against what a client or backend sent, with its work bounded: a pattern that backtracks catastrophically on a
 * hostile input gives up instead of holding a thread. The bound is generous, reads of the input proportional to
 * its length, so patterns that match in linear time never reach it.
 */
public final class BoundedMatch {

    /** Character reads allowed per character of input (plus a constant), before the match gives up. */
    static final int READS_PER_CHAR = 1_000;
    private static final int READS_BASE = 100_000;

    /** The match gave up: the pattern needed more work than any reasonable one does on this input. */
    public static final class TooExpensive extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooExpensive() {
            super("the regular expression needs too much work on this input", null, false, false);
        }
    }

    private BoundedMatch() {
    }

    /** Whether {@code pattern} matches all of {@code input}; throws {@link TooExpensive} when it needs too long. */
    public static boolean matches(Pattern pattern, String input) {
        return pattern.matcher(new Counted(input, READS_BASE + (long) READS_PER_CHAR * input.length())).matches();
    }

    /** The input, counting reads; the matcher reads through {@code charAt}. */
    private static final class Counted implements CharSequence {
        private final String text;
        private final int offset;
        private final int length;
        private final long[] reads;
        private final long limit;

        Counted(String text, long limit) {
            this(text, 0, text.length(), new long[1], limit);
        }

        private Counted(String text, int offset, int length, long[] reads, long limit) {
            this.text = text;
            this.offset = offset;
            this.length = length;
            this.reads = reads;
            this.limit = limit;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > limit) {
                throw new TooExpensive();
            }
            return text.charAt(offset + index);
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Counted(text, offset + start, end - start, reads, limit);
        }

        @Override
        public String toString() {
            return text.substring(offset, offset + length);
        }
    }
}
