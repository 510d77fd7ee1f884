package dev.turnpike.codegen.emit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OperationConstantNamesTest {

    @Test
    void operationIdsBecomeUpperSnakeCase() {
        assertThat(OperationConstantNames.upperSnake("listPets")).isEqualTo("LIST_PETS");
        assertThat(OperationConstantNames.upperSnake("getPetByID")).isEqualTo("GET_PET_BY_ID");
        assertThat(OperationConstantNames.upperSnake("HTTPServerStatus")).isEqualTo("HTTP_SERVER_STATUS");
        assertThat(OperationConstantNames.upperSnake("pets.list-all v2")).isEqualTo("PETS_LIST_ALL_V2");
        assertThat(OperationConstantNames.upperSnake("GET /pets/{id}")).isEqualTo("GET_PETS_ID");
    }
}
