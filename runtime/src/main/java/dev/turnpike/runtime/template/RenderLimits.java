package dev.turnpike.runtime.template;

import java.time.Duration;

/**
 * The bounds of one render, so that no template runs forever or fills the heap. AWS documents no such numbers
 * beyond its 10 MB payload limit and 29 s integration timeout; ours are in docs/templates.md.
 *
 * @param maxOutputChars characters a render may write to its output
 * @param maxProducedChars characters a render may produce in total: output, interpolated string literals and
 *     strings returned by methods (bounds {@code #set($s = "$s$s")} doubling)
 * @param maxStringChars length of any one string or collection a method call may return
 * @param maxIterations {@code #foreach} iterations, all loops of the render together
 * @param maxTime wall-clock time of one render (checked at every loop step, method call, insertion and regex step)
 */
public record RenderLimits(int maxOutputChars, long maxProducedChars, int maxStringChars, long maxIterations,
        Duration maxTime) {

    /** 10 Mi output characters, 64 Mi produced, 10 Mi per string or 1 Mi elements, 1 M iterations, 5 s. */
    public static final RenderLimits DEFAULT = new RenderLimits(10 * 1024 * 1024, 64L * 1024 * 1024,
            10 * 1024 * 1024, 1_000_000, Duration.ofSeconds(5));

    /** Element count a collection may reach through template calls. */
    int maxElements() {
        return Math.max(1, maxStringChars / 10);
    }
}
