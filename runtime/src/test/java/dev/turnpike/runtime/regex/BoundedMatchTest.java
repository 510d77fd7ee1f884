package dev.turnpike.runtime.regex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedMatchTest {

    @Test
    void ordinaryPatternsMatchAsUsual() {
        assertThat(BoundedMatch.matches(Pattern.compile("^Bearer [-a-z]+$"), "Bearer allow-ada")).isTrue();
        assertThat(BoundedMatch.matches(Pattern.compile(".*Not Found.*"), "404 Not Found: pet 7")).isTrue();
        assertThat(BoundedMatch.matches(Pattern.compile("\\d+"), "12a")).isFalse();
        String longToken = "Bearer " + "a".repeat(10_000);
        assertThat(BoundedMatch.matches(Pattern.compile("^Bearer [a-z]+$"), longToken)).isTrue();
    }

    @Test
    void catastrophicBacktrackingGivesUpInsteadOfHanging() {
        // (.*a){12} against a's ending in another letter takes seconds in java.util.regex (measured: about 3 s
        // for 31 characters on the build machine), and grows polynomially with the input's length.
        Pattern evil = Pattern.compile("(.*a){12}");
        assertThatThrownBy(() -> BoundedMatch.matches(evil, "a".repeat(30) + "b"))
                .isInstanceOf(BoundedMatch.TooExpensive.class);
    }
}
