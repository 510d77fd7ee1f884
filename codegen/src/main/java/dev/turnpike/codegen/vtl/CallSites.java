package dev.turnpike.codegen.vtl;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.NameAllocator;
import dev.turnpike.runtime.template.CallSite;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The {@link CallSite} constants of one generated class: one per template position that calls or reads. */
final class CallSites {

    private final NameAllocator names = new NameAllocator();
    private final List<FieldSpec> fields = new ArrayList<>();

    /** A new constant for {@code name} at line:column; returns its field name. */
    String add(String kind, String name, int line, int column) {
        String field = names.newName(
                (kind + "_" + name.replaceAll("[^A-Za-z0-9]", "_") + "_" + line + "_" + column).toUpperCase());
        fields.add(FieldSpec.builder(CallSite.class, field, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("$T.at($S, $L, $L)", CallSite.class, name, line, column)
                .build());
        return field;
    }

    List<FieldSpec> fields() {
        return fields;
    }
}
