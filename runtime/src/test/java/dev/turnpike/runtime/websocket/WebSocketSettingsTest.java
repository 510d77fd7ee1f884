package dev.turnpike.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.config.ConfigException;
import dev.turnpike.runtime.config.TurnpikeConfig;
import dev.turnpike.runtime.throttle.ThrottleLimit;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSocketSettingsTest {

    private static final WebSocketApi API = new WebSocketApi() {
        @Override
        public String name() {
            return "chat";
        }

        @Override
        public String title() {
            return "Chat";
        }

        @Override
        public String deploymentId() {
            return "abc";
        }

        @Override
        public String source() {
            return "chat.yaml";
        }

        @Override
        public String routeSelectionExpression() {
            return DEFAULT_ROUTE_SELECTION_EXPRESSION;
        }

        @Override
        public Map<String, WebSocketRoute> routes() {
            Map<String, WebSocketRoute> routes = new LinkedHashMap<>();
            for (String key : new String[] {"$connect", "$default", "send"}) {
                routes.put(key, new WebSocketRoute(key, false, null,
                        new WebSocketIntegration(WebSocketIntegration.Type.MOCK, null, null, null, 29_000)));
            }
            return routes;
        }
    };

    @Test
    void defaultsAreAwsTenMinutesIdleAndTwoHoursLifetimeWithNoRouteLimits() {
        WebSocketSettings settings = WebSocketSettings.read(TurnpikeConfig.from(Map.of()), API);
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.maxLifetime()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.limitFor("dev", "send")).isNull();
    }

    @Test
    void routeSettingsOverrideTheStageDefaultFieldByField() {
        WebSocketSettings settings = WebSocketSettings.read(TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev,prod",
                "turnpike.stage.dev.defaultRouteSettings.throttlingRateLimit", "100",
                "turnpike.stage.dev.defaultRouteSettings.throttlingBurstLimit", "50",
                "turnpike.stage.dev.routeSettings.send.throttlingBurstLimit", "5",
                "turnpike.stage.prod.routeSettings.$connect.throttlingRateLimit", "2",
                "turnpike.websocket.idleTimeoutSeconds", "30",
                "turnpike.websocket.maxLifetimeSeconds", "60")), API);
        assertThat(settings.limitFor("dev", "send")).isEqualTo(new ThrottleLimit(100, 5));
        assertThat(settings.limitFor("dev", "$default")).isEqualTo(new ThrottleLimit(100, 50));
        assertThat(settings.limitFor("prod", "$connect")).isEqualTo(new ThrottleLimit(2, 5_000));
        assertThat(settings.limitFor("prod", "send")).isNull();
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxLifetime()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aRouteTheApiDoesNotHaveAndAZeroTimeoutFailStart() {
        assertThatThrownBy(() -> WebSocketSettings.read(TurnpikeConfig.from(Map.of(
                "turnpike.stages", "dev",
                "turnpike.stage.dev.routeSettings.sned.throttlingRateLimit", "1",
                "turnpike.websocket.idleTimeoutSeconds", "0")), API))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("turnpike.websocket.idleTimeoutSeconds: expected a whole number of seconds >= 1,"
                        + " got '0'")
                .hasMessageContaining("turnpike.stage.dev.routeSettings.sned.throttlingRateLimit: WebSocket API"
                        + " 'chat' has no route sned");
    }

    @Test
    void aMistypedKeyFailsTheConfiguration() {
        assertThatThrownBy(() -> TurnpikeConfig.from(Map.of("turnpike.stages", "dev",
                "turnpike.stage.dev.routeSettings.send.throttlingRateLimt", "1")))
                .isInstanceOf(ConfigException.class);
    }
}
