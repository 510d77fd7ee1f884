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
     * @param resources class-path resources beside the classes: the definition for {@code GetExport}
     */
    public record EmittedApi(List<JavaFile> files, ClassName apiClass, String deploymentId,
            List<GeneratedResource> resources) {
    }

    private ApiEmitter() {
    }

    public static EmittedApi emit(CheckedApi api, String basePackage) {
        String packageName = basePackage + "." + api.name().identifier();
        ClassName operationsClass = ClassName.get(packageName, api.name().classPrefix() + "Operations");
        ClassName apiClass = ClassName.get(packageName, api.name().classPrefix() + "Api");
        OperationConstantNames names = new OperationConstantNames(api.model().operations());
        String deploymentId = DeploymentId.of(api.model());
        GeneratedResource document = api.model().document() == null ? null
                : new GeneratedResource(GeneratedResource.exportPath(apiClass.canonicalName()),
                        api.model().document());
        return new EmittedApi(
                List.of(OperationsClassEmitter.emit(api, operationsClass, names),
                        ApiClassEmitter.emit(api, apiClass, operationsClass, names, deploymentId,
                                document == null ? null : document.path())),
                apiClass,
                deploymentId,
                document == null ? List.of() : List.of(document));
    }
}
