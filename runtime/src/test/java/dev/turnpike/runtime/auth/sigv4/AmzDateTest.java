package dev.turnpike.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AmzDateTest {
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    @Test
    void onlyExactBasicFormatIsAnAmzDate() {
        assertThat(AmzDate.parseIsoBasic("20150830T123600Z")).isEqualTo(SUITE_TIME);
        assertThat(AmzDate.parseIsoBasic("2015-08-30T12:36:00Z")).isNull();
        assertThat(AmzDate.parseIsoBasic("20150830T123600")).isNull();
        assertThat(AmzDate.parseIsoBasic("20151330T123600Z")).isNull();
        assertThat(AmzDate.parseIsoBasic("2015083OT123600Z")).isNull();
        assertThat(AmzDate.parseIsoBasic("\u0662\u0660\u0661\u0665\u0660\u0668\u0663\u0660T123600Z")).isNull();
    }

    @Test
    void aDateHeaderMayAlsoBeAnHttpDate() {
        assertThat(AmzDate.parseDateHeader("Sun, 30 Aug 2015 12:36:00 GMT")).isEqualTo(SUITE_TIME);
        assertThat(AmzDate.parseDateHeader("20150830T123600Z")).isEqualTo(SUITE_TIME);
        assertThat(AmzDate.parseDateHeader("yesterday")).isNull();
    }

    @Test
    void formatsToTheSecond() {
        assertThat(AmzDate.format(SUITE_TIME.plusMillis(999))).isEqualTo("20150830T123600Z");
    }
}
