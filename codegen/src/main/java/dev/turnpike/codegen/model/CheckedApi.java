package dev.turnpike.codegen.model;

import java.nio.file.Path;

/**
 * A definition that passed every check: what the emitters turn into Java.
 *
 * @param definition the file it was read from
 * @param routes the root of its resource tree
 */
public record CheckedApi(ApiName name, Path definition, ApiModel model, Resource routes) {

    /** The definition's file name: generated code names it so, never by absolute path (same output everywhere). */
    public String sourceFileName() {
        return definition.getFileName().toString();
    }
}
