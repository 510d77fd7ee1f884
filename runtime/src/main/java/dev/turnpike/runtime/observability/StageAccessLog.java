package dev.turnpike.runtime.observability;

import org.slf4j.Logger;

/** One stage's access log: its format and the SLF4J logger each line goes to, at INFO. */
record StageAccessLog(AccessLogFormat format, Logger logger) {

    /** The logger of stages that name none: {@code turnpike.access}. */
    static final String DEFAULT_DESTINATION = "turnpike.access";

    void write(RequestEnd end) {
        if (logger.isInfoEnabled()) {
            logger.info(format.render(end));
        }
    }
}
