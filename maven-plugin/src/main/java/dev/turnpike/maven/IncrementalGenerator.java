package dev.turnpike.maven;

import dev.turnpike.codegen.GenerationRequest;
import dev.turnpike.codegen.GenerationResult;
import dev.turnpike.codegen.Generator;
import java.io.IOException;
import java.util.List;

/**
 * {@code turnpike:generate}'s work: generate every definition, or nothing when the inputs are those of the last
 * successful run and its outputs are still there. All or nothing: the generator itself leaves files whose
 * content is already right alone, so an unchanged API never makes javac recompile.
 */
final class IncrementalGenerator {

    private IncrementalGenerator() {
    }

    /** What happened: {@code result} is {@code null} when everything was up to date. */
    record Outcome(GenerationResult result) {
        boolean upToDate() {
            return result == null;
        }
    }

    static Outcome run(GenerateRequest request) throws IOException, InvalidInputException {
        String digest = InputDigest.of(request);
        GenerationState state = new GenerationState(request.stateFile());
        if (state.isCurrent(digest)) {
            return new Outcome(null);
        }
        state.clear();
        GenerationRequest generation;
        try {
            generation = new GenerationRequest(request.definitions(), request.sourceOutput(),
                    request.resourceOutput(), request.basePackage(), request.interpretedTemplates());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("Turnpike: <basePackage>: " + e.getMessage(), e);
        }
        GenerationResult result = Generator.generate(generation);
        if (!result.hasErrors()) {
            state.record(digest, List.of(request.sourceOutput(), request.resourceOutput()));
        }
        return new Outcome(result);
    }
}
