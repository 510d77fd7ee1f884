package dev.turnpike.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.turnpike.runtime.model.GeneratedApi;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A deployment's definition for GetExport is read from where its API class says it was generated. */
class DeploymentDefinitionTest {

    /** A hand-written API: no resource unless {@code resource} names one. */
    private record HandWrittenApi(String resource) implements GeneratedApi {
        @Override
        public String name() {
            return "hand";
        }

        @Override
        public String title() {
            return "Hand";
        }

        @Override
        public String deploymentId() {
            return "hand000001";
        }

        @Override
        public String source() {
            return "hand.yaml";
        }

        @Override
        public RouteNode routes() {
            return null;
        }

        @Override
        public List<Operation> operations() {
            return List.of();
        }

        @Override
        public String definitionResource() {
            return resource;
        }
    }

    private static GatewayAdmin.Deployment deployment(String resource) {
        return new GatewayAdmin.Deployment("hand000001", new HandWrittenApi(resource), 0);
    }

    @Test
    void anApiWithoutADefinitionHasNone() {
        assertThat(deployment(null).definition()).isNull();
    }

    @Test
    void theNamedResourceIsTheDefinition() {
        assertThat(deployment("dev/turnpike/runtime/admin/kept-definition.json").definition())
                .isEqualTo("{\"openapi\" : \"3.0.1\"}\n");
    }

    @Test
    void aNamedResourceThatIsMissingIsAnError() {
        assertThatThrownBy(() -> deployment("META-INF/turnpike/exports/gone.json").definition())
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("the definition META-INF/turnpike/exports/gone.json of "
                        + HandWrittenApi.class.getName() + " is not on the class path");
    }
}
