package dev.turnpike.runtime.config;

import java.util.List;

/** Configuration that cannot be served: every problem found, each naming its key. Thrown at start only. */
public final class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("invalid Turnpike configuration:\n  " + String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
