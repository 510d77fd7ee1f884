package dev.turnpike.runtime.auth.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VpcEndpointsTest {

    @Test
    void aSourceAddressArrivesThroughTheEndpointWhoseBlockHoldsIt() {
        VpcEndpoints endpoints = VpcEndpoints.fromConfig(Map.of(
                "turnpike.vpcEndpoints.vpce-1a2b3c4d.sourceCidrs", "10.0.1.0/24, 10.0.2.0/24",
                "turnpike.vpcEndpoints.vpce-1a2b3c4d.vpcId", "vpc-2f09a348",
                "turnpike.vpcEndpoints.vpce-narrow.sourceCidrs", "10.0.1.128/25",
                "turnpike.vpcEndpoints.vpce-v6.sourceCidrs", "fd00::/8",
                "turnpike.stages", "dev"));
        assertThat(endpoints.arrivingFrom("10.0.2.9")).get().satisfies(e -> {
            assertThat(e.id()).isEqualTo("vpce-1a2b3c4d");
            assertThat(e.vpcId()).isEqualTo("vpc-2f09a348");
        });
        assertThat(endpoints.arrivingFrom("10.0.1.127").orElseThrow().id()).isEqualTo("vpce-1a2b3c4d");
        assertThat(endpoints.arrivingFrom("10.0.1.128").orElseThrow().id()).isEqualTo("vpce-narrow");
        assertThat(endpoints.arrivingFrom("10.0.1.128").orElseThrow().vpcId()).isNull();
        assertThat(endpoints.arrivingFrom("fd12::1").orElseThrow().id()).isEqualTo("vpce-v6");
        assertThat(endpoints.arrivingFrom("203.0.113.1")).isEmpty();
        assertThat(endpoints.arrivingFrom(null)).isEmpty();
        assertThat(VpcEndpoints.none().arrivingFrom("10.0.1.1")).isEmpty();
    }

    @Test
    void badKeysFailWithTheirNames() {
        assertThatThrownBy(() -> VpcEndpoints.fromConfig(Map.of(
                "turnpike.vpcEndpoints.vpce-a.sourceCidrs", "10.0.0.0/8,not-a-cidr",
                "turnpike.vpcEndpoints.vpce-b.sourceCidrs", "10.0.0.0/8",
                "turnpike.vpcEndpoints.vpce-c.vpcId", "vpc-1",
                "turnpike.vpcEndpoints.vpce-d.sourceCidr", "10.0.0.0/8")))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).containsExactlyInAnyOrder(
                        "turnpike.vpcEndpoints.vpce-a.sourceCidrs: not an IP address or CIDR block: 'not-a-cidr'",
                        "turnpike.vpcEndpoints.vpce-b.sourceCidrs: 10.0.0.0/8 is also a block of vpce-a",
                        "turnpike.vpcEndpoints.vpce-c.vpcId: endpoint has no turnpike.vpcEndpoints.vpce-c.sourceCidrs",
                        "turnpike.vpcEndpoints.vpce-d.sourceCidr: expected turnpike.vpcEndpoints.<vpceId>.sourceCidrs"
                                + " or turnpike.vpcEndpoints.<vpceId>.vpcId"));
    }
}
