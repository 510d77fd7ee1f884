package dev.turnpike.runtime.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class QueryStringTest {

    /** rest-v1.proxy-event.post-multivalue-query: the last value is "the" value; all are kept. */
    @Test
    void repeatedNamesKeepEveryValueAndTheLastWins() {
        QueryString q = QueryString.parse("category=electronics&category=books&price=10&price=20&price=30");
        assertThat(q.last("category")).isEqualTo("books");
        assertThat(q.all("price")).isEqualTo(List.of("10", "20", "30"));
        assertThat(q.last("missing")).isNull();
    }

    /** rest-v1.proxy-event.query-decoding: values are form-decoded. */
    @Test
    void valuesAreFormDecoded() {
        QueryString q = QueryString.parse("email=test%2Balias@gmail.com&plus=test+alias@gmail.com&whitespace=foo%20bar"
                + "&flag&bad=%zz");
        assertThat(q.last("email")).isEqualTo("test+alias@gmail.com");
        assertThat(q.last("plus")).isEqualTo("test alias@gmail.com");
        assertThat(q.last("whitespace")).isEqualTo("foo bar");
        assertThat(q.last("flag")).isEmpty();
        assertThat(q.last("bad")).isEqualTo("%zz");
    }
}
