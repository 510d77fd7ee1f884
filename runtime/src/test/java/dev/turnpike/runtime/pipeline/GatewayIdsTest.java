package dev.turnpike.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GatewayIdsTest {

    @Test
    void requestIdsAreDistinctVersion4Uuids() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String id = Gateway.requestId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(seen.add(id)).isTrue();
        }
    }

    @Test
    void derivedApiIdsAreStableAndShapedLikeAws() {
        assertThat(Gateway.derivedApiId("petstore")).matches("[a-z0-9]{10}").isEqualTo(Gateway.derivedApiId("petstore"));
        assertThat(Gateway.derivedApiId("petstore")).isNotEqualTo(Gateway.derivedApiId("orders"));
    }
}
