package dev.turnpike.runtime.auth.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** SigV4's request time: ISO-8601 basic format in UTC, {@code 20150830T123600Z}. */
final class AmzDate {
    private static final DateTimeFormatter ISO_BASIC =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private AmzDate() {
    }

    /** The instant {@code text} names, or {@code null} when it is not exactly {@code yyyyMMddTHHmmssZ}. */
    static Instant parseIsoBasic(String text) {
        if (text == null || text.length() != 16 || text.charAt(8) != 'T' || text.charAt(15) != 'Z'
                || !digits(text, 0, 8) || !digits(text, 9, 15)) {
            return null;
        }
        try {
            return LocalDateTime.of(number(text, 0, 4), number(text, 4, 6), number(text, 6, 8),
                    number(text, 9, 11), number(text, 11, 13), number(text, 13, 15)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A {@code Date} header may also be an HTTP date ({@code Sun, 30 Aug 2015 12:36:00 GMT}). */
    static Instant parseDateHeader(String text) {
        Instant isoBasic = parseIsoBasic(text);
        if (isoBasic != null || text == null) {
            return isoBasic;
        }
        try {
            return DateTimeFormatter.RFC_1123_DATE_TIME.parse(text.trim(), Instant::from);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static String format(Instant instant) {
        return ISO_BASIC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
