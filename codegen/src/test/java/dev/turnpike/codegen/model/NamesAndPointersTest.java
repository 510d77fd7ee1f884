package dev.turnpike.codegen.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class NamesAndPointersTest {

    @Test
    void pointerTokensAreEscapedAsRfc6901Says() {
        assertThat(JsonPointer.of("paths", "/pets/{id}", "get").toString()).isEqualTo("#/paths/~1pets~1{id}/get");
        assertThat(JsonPointer.of("a~b/c").value()).isEqualTo("/a~0b~1c");
        assertThat(JsonPointer.ROOT.append("list").append(3).value()).isEqualTo("/list/3");
    }

    @Test
    void apiNameFromTheFileName() {
        assertThat(ApiName.of(Path.of("/any/where/petstore.yaml"))).isEqualTo(new ApiName("petstore", "Petstore"));
        assertThat(ApiName.of(Path.of("pet-store.v2.json"))).isEqualTo(new ApiName("pet_store_v2", "PetStoreV2"));
        assertThat(ApiName.of(Path.of("OrdersAPI.yaml"))).isEqualTo(new ApiName("orders_api", "OrdersApi"));
        assertThat(ApiName.of(Path.of("3scale.yaml"))).isEqualTo(new ApiName("_3scale", "Api3scale"));
        assertThat(ApiName.of(Path.of("new.yaml"))).isEqualTo(new ApiName("new_", "New"));
        assertThat(ApiName.of(Path.of("---.yaml"))).isEqualTo(new ApiName("api", "Api"));
    }

    @Test
    void pathTemplateSegments() {
        assertThat(PathTemplate.parameterNames("/pets/{petId}/files/{proxy+}")).containsExactly("petId", "proxy");
        assertThat(PathTemplate.segments("/")).isEmpty();
        assertThat(PathTemplate.segments("/a/{b}.json")).extracting(PathTemplate.Segment::kind)
                .containsExactly(PathTemplate.Kind.LITERAL, PathTemplate.Kind.MALFORMED);
    }
}
