package dev.turnpike.runtime.throttle;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * A usage plan's quota: at most {@code limit} requests per API key in each calendar {@code period} (UTC), the
 * period starting {@code offset} days later than its natural start (see {@link QuotaPeriod}).
 */
public record Quota(long limit, QuotaPeriod period, int offset) {

    private static final long DAY_MILLIS = 86_400_000L;

    public Quota {
        if (limit < 0 || offset < 0 || offset > period.largestOffset()) {
            throw new IllegalArgumentException("quota " + limit + " per " + period + " offset " + offset);
        }
    }

    /** The start (inclusive) of the period {@code epochMillis} falls in, as epoch milliseconds. */
    public long periodStart(long epochMillis) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(epochMillis, DAY_MILLIS));
        LocalDate start = switch (period) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY.plus(offset)));
            case MONTH -> {
                LocalDate thisMonth = day.withDayOfMonth(1 + offset);
                yield day.isBefore(thisMonth) ? thisMonth.minusMonths(1) : thisMonth;
            }
        };
        return start.toEpochDay() * DAY_MILLIS;
    }

    /** The end (exclusive) of the period that starts at {@code periodStart}. */
    public long periodEnd(long periodStart) {
        LocalDate start = LocalDate.ofEpochDay(periodStart / DAY_MILLIS);
        LocalDate end = switch (period) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
        return end.toEpochDay() * DAY_MILLIS;
    }

    @Override
    public String toString() {
        return limit + " per " + period + (offset == 0 ? "" : " offset " + offset);
    }
}
