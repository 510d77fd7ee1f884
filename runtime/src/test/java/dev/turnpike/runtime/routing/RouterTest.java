package dev.turnpike.runtime.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {

    static Operation op(String method, String path) {
        return Operation.on(method, path).integration(Integration.of(IntegrationType.MOCK).build()).build();
    }

    static final Operation ROOT = op("GET", "/");
    static final Operation LIST = op("GET", "/pets");
    static final Operation MINE = op("GET", "/pets/mine");
    static final Operation ONE = op("GET", "/pets/{petId}");
    static final Operation TOYS = op("GET", "/pets/{petId}/toys");
    static final Operation PROXY = op("ANY", "/{proxy+}");
    static final Operation FILES = op("GET", "/files/{path+}");
    static final Operation HARDCODED = op("GET", "/hardcoded");

    final Router router = new Router(RouteNode.resource("/").method(ROOT)
            .literal("pets", RouteNode.resource("/pets").method(LIST)
                    .literal("mine", RouteNode.resource("/pets/mine").method(MINE).build())
                    .param("petId", RouteNode.resource("/pets/{petId}").method(ONE)
                            .literal("toys", RouteNode.resource("/pets/{petId}/toys").method(TOYS).build())
                            .build())
                    .build())
            .literal("files", RouteNode.resource("/files")
                    .greedy("path", RouteNode.resource("/files/{path+}").method(FILES).build())
                    .build())
            .literal("hardcoded", RouteNode.resource("/hardcoded").method(HARDCODED).build())
            .greedy("proxy", RouteNode.resource("/{proxy+}").method(PROXY).build())
            .build());

    @Test
    void literalBeatsParameterBeatsGreedy() {
        assertThat(router.match("/pets/mine", "GET").operation()).isSameAs(MINE);
        RouteMatch one = router.match("/pets/7", "GET");
        assertThat(one.operation()).isSameAs(ONE);
        assertThat(one.pathParameters()).isEqualTo(Map.of("petId", "7"));
        assertThat(router.match("/pets/7/toys", "GET").pathParameters()).isEqualTo(Map.of("petId", "7"));
        RouteMatch other = router.match("/cats/7", "DELETE");
        assertThat(other.operation()).isSameAs(PROXY);
        assertThat(other.pathParameters()).isEqualTo(Map.of("proxy", "cats/7"));
    }

    @Test
    void aDeadEndOnTheLiteralBranchFallsBackToParameterThenGreedy() {
        RouteMatch m = router.match("/pets/mine/toys", "GET");
        assertThat(m.operation()).isSameAs(TOYS);
        assertThat(m.pathParameters()).isEqualTo(Map.of("petId", "mine"));
        assertThat(router.match("/pets/7/toys/3", "GET").operation()).isSameAs(PROXY);
    }

    @Test
    void rootAndAnyMethod() {
        assertThat(router.match("/", "GET").operation()).isSameAs(ROOT);
        assertThat(router.match("", "GET").operation()).isSameAs(ROOT);
        assertThat(router.match("/anything", "PATCH").operation()).isSameAs(PROXY);
    }

    @Test
    void aResourceWithoutTheMethodMatchesWithoutOperation() {
        RouteMatch m = router.match("/pets", "POST");
        assertThat(m.resource().path()).isEqualTo("/pets");
        assertThat(m.operation()).isNull();
    }

    /** rest-v1.proxy-event.greedy-path-trailing-slash: the trailing slash is not part of the greedy value. */
    @Test
    void trailingSlashSelectsTheSameResource() {
        assertThat(router.match("/pets/", "GET").operation()).isSameAs(LIST);
        assertThat(router.match("/files/a/b/", "GET").pathParameters()).isEqualTo(Map.of("path", "a/b"));
    }

    /** rest-v1.proxy-event.double-slash-*, static-resource, greedy-path-double-slash. */
    @Test
    void emptySegmentsAreSkippedExceptInsideAGreedyValue() {
        assertThat(router.match("//hardcoded", "GET").operation()).isSameAs(HARDCODED);
        assertThat(router.match("//pets//7", "GET").pathParameters()).isEqualTo(Map.of("petId", "7"));
        assertThat(router.match("/files/a//b", "GET").pathParameters()).isEqualTo(Map.of("path", "a//b"));
    }

    /** rest-v1.proxy-event.encoded-path: path values are not percent-decoded. */
    @Test
    void valuesStayPercentEncoded() {
        assertThat(router.match("/pets/test%2Balias@gmail.com", "GET").pathParameters())
                .isEqualTo(Map.of("petId", "test%2Balias@gmail.com"));
    }

    @Test
    void greedyNeedsAtLeastOneSegment() {
        Router noRootMethod = new Router(RouteNode.resource("/")
                .greedy("proxy", RouteNode.resource("/{proxy+}").method(PROXY).build()).build());
        assertThat(noRootMethod.match("/", "GET")).isNull();
        assertThat(new Router(RouteNode.resource("/").build()).match("/x", "GET")).isNull();
    }

    @Test
    void theTreeRefusesCollisions() {
        assertThatThrownBy(() -> RouteNode.resource("/pets").method(LIST).method(LIST))
                .hasMessage("two GET methods on /pets");
        assertThatThrownBy(() -> RouteNode.resource("/pets")
                .param("id", RouteNode.resource("/pets/{id}").build())
                .param("name", RouteNode.resource("/pets/{name}").build()))
                .hasMessage("two path parameters under /pets: {id} and {name}");
    }
}
