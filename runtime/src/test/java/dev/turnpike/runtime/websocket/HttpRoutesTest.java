package dev.turnpike.runtime.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpRoutesTest {

    @Test
    void stageVariablesInTheUriAreReplacedByTheStagesValues() {
        assertThat(HttpRoutes.resolve("http://${stageVariables.host}/chat/${stageVariables.room}?x=$1",
                Map.of("host", "127.0.0.1:8080", "room", "lobby")))
                .isEqualTo("http://127.0.0.1:8080/chat/lobby?x=$1");
    }

    @Test
    void aStageVariableTheStageLacksFailsTheCall() {
        assertThatThrownBy(() -> HttpRoutes.resolve("http://${stageVariables.host}/chat", Map.of()))
                .hasMessage("integration uri http://${stageVariables.host}/chat names stage variable 'host', which"
                        + " the stage does not set");
    }
}
