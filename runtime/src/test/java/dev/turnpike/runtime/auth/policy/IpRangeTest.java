package dev.turnpike.runtime.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void onlyLiteralAddressesAreRead() {
        for (String bad : new String[] {"localhost", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.4/", "1.2.3.4/x",
                "::1/129", "fe80::1%eth0", "1..2.3", " ", "01234.1.1.1"}) {
            assertThatThrownBy(() -> IpRange.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("not an IP address or CIDR block: '" + bad + "'");
        }
        assertThat(IpRange.parseAddress("example.com")).isNull();
    }

    @Test
    void hostBitsAreIgnoredAndMappedAddressesReadAsIpv4() {
        assertThat(IpRange.parse("192.0.2.77/24")).isEqualTo(IpRange.parse("192.0.2.0/24"));
        IpRange mapped = IpRange.parse("::ffff:192.0.2.0/120");
        assertThat(mapped.prefixLength()).isEqualTo(24);
        assertThat(mapped.contains("192.0.2.200")).isTrue();
        assertThat(IpRange.parse("1.2.3.4").prefixLength()).isEqualTo(32);
        assertThat(IpRange.parse("::1").prefixLength()).isEqualTo(128);
    }
}
