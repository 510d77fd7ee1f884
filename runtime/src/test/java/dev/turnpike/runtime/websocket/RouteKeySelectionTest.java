package dev.turnpike.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteKeySelectionTest {

    private static WebSocketRoute route(String key) {
        return new WebSocketRoute(key, false, null,
                new WebSocketIntegration(WebSocketIntegration.Type.MOCK, null, null, null, 29_000));
    }

    private static Map<String, WebSocketRoute> routes(String... keys) {
        Map<String, WebSocketRoute> routes = new LinkedHashMap<>();
        for (String key : keys) {
            routes.put(key, route(key));
        }
        return routes;
    }

    @Test
    void theActionPropertyNamesTheRoute() {
        RouteKeySelection selection = new RouteKeySelection("$request.body.action",
                routes("sendmessage", "$default"));
        assertThat(selection.select("{\"action\":\"sendmessage\",\"data\":1}").routeKey()).isEqualTo("sendmessage");
        assertThat(selection.select("{\"action\":\"other\"}").routeKey()).isEqualTo("$default");
        assertThat(selection.select("{\"data\":1}").routeKey()).isEqualTo("$default");
        assertThat(selection.select("plain text").routeKey()).isEqualTo("$default");
        assertThat(selection.select("[\"action\"]").routeKey()).isEqualTo("$default");
        assertThat(selection.select("{\"action\":{\"nested\":1}}").routeKey()).isEqualTo("$default");
    }

    @Test
    void aMessageCannotChooseAPredefinedRoute() {
        RouteKeySelection selection = new RouteKeySelection("$request.body.action",
                routes("$connect", "$disconnect", "$default"));
        assertThat(selection.select("{\"action\":\"$disconnect\"}").routeKey()).isEqualTo("$default");
    }

    @Test
    void withoutDefaultAnUnmatchedMessageHasNoRoute() {
        RouteKeySelection selection = new RouteKeySelection("${request.body.a.b}", routes("x", "7"));
        assertThat(selection.select("{\"a\":{\"b\":\"x\"}}").routeKey()).isEqualTo("x");
        assertThat(selection.select("{\"a\":{\"b\":7}}").routeKey()).isEqualTo("7");
        assertThat(selection.select("{\"a\":{\"b\":\"y\"}}")).isNull();
        assertThat(selection.select("not json")).isNull();
    }

    @Test
    void onlyBodyExpressionsAreServed() {
        assertThatThrownBy(() -> new RouteKeySelection("$request.header.x", routes("$default")))
                .hasMessage("unsupported route selection expression: $request.header.x");
    }
}
