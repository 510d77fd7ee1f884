package dev.turnpike.codegen.emit;

import java.util.Objects;

/**
 * A class-path resource written beside the generated classes.
 *
 * @param path its name below the resource root, e.g. {@code META-INF/turnpike/exports/a.b.PetsApi.json}
 * @param text its content
 */
public record GeneratedResource(String path, String text) {

    /** The folder of the definitions kept for {@code GetExport}; every file in it is generated. */
    public static final String EXPORTS_FOLDER = "META-INF/turnpike/exports";

    public GeneratedResource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(text, "text");
    }

    /** Where the definition of the API class {@code apiClass} (a qualified name) goes. */
    static String exportPath(String apiClass) {
        return EXPORTS_FOLDER + "/" + apiClass + ".json";
    }
}
