package dev.turnpike.runtime.throttle;

/**
 * The calendar period a usage plan quota counts over, in UTC as API Gateway counts it. The quota offset moves
 * where a WEEK or MONTH starts, in days; a DAY always starts at 00:00 UTC.
 */
public enum QuotaPeriod {
    /** 00:00 UTC to 00:00 UTC. */
    DAY(0),
    /** Sunday 00:00 UTC, moved by the offset: 1 starts weeks on Monday, ..., 6 on Saturday. */
    WEEK(6),
    /** The 1st of the month 00:00 UTC, moved by the offset: 1 starts on the 2nd, ..., 27 on the 28th. */
    MONTH(27);

    private final int largestOffset;

    QuotaPeriod(int largestOffset) {
        this.largestOffset = largestOffset;
    }

    /** The largest offset this period accepts: every period of the kind must have that day. */
    public int largestOffset() {
        return largestOffset;
    }
}
