package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.turnpike.codegen.model.CheckedApi;
import java.util.List;

/** The Java sources of one checked API, in {@code <basePackage>.<apiName>}. */
public final class ApiEmitter {

    /**
     * @param files the {@code Operations} and {@code Api} classes
     * @param apiClass the {@code GeneratedApi} implementation, for the service file
     */
    public record EmittedApi(List<JavaFile> files, ClassName apiClass, String deploymentId) {
    }

    private ApiEmitter() {
    }

    public static EmittedApi emit(CheckedApi api, String basePackage) {
        String packageName = basePackage + "." + api.name().identifier();
        ClassName operationsClass = ClassName.get(packageName, api.name().classPrefix() + "Operations");
        ClassName apiClass = ClassName.get(packageName, api.name().classPrefix() + "Api");
        OperationConstantNames names = new OperationConstantNames(api.model().operations());
        String deploymentId = DeploymentId.of(api.model());
        return new EmittedApi(
                List.of(OperationsClassEmitter.emit(api, operationsClass, names),
                        ApiClassEmitter.emit(api, apiClass, operationsClass, names, deploymentId)),
                apiClass,
                deploymentId);
    }
}
