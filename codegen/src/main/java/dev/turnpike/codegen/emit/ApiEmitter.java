package dev.turnpike.codegen.emit;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.turnpike.codegen.check.Diagnostics;
import dev.turnpike.codegen.model.CheckedApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        return emit(api, basePackage, Set.of(), new Diagnostics(api.definition()));
    }

    /**
     * @param interpreted JSON pointers of templates to leave to the interpreter
     * @param diagnostics gets a template the compiler refuses (an error) and each interpreted one (a warning)
     */
    public static EmittedApi emit(CheckedApi api, String basePackage, Set<String> interpreted,
            Diagnostics diagnostics) {
        String packageName = basePackage + "." + api.name().identifier();
        ClassName operationsClass = ClassName.get(packageName, api.name().classPrefix() + "Operations");
        ClassName apiClass = ClassName.get(packageName, api.name().classPrefix() + "Api");
        OperationConstantNames names = new OperationConstantNames(api.model().operations());
        String deploymentId = DeploymentId.of(api.model());
        TemplateClassesEmitter.Emitted templates = TemplateClassesEmitter.emit(api, packageName, interpreted,
                diagnostics);
        List<JavaFile> files = new ArrayList<>();
        files.add(OperationsClassEmitter.emit(api, operationsClass, names));
        files.add(ApiClassEmitter.emit(api, apiClass, operationsClass, names, deploymentId, templates.classes()));
        files.addAll(templates.files());
        return new EmittedApi(
                List.copyOf(files),
                apiClass,
                deploymentId);
    }
}
