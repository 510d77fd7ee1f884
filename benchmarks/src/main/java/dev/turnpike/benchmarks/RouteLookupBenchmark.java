package dev.turnpike.benchmarks;

import dev.turnpike.runtime.model.Integration;
import dev.turnpike.runtime.model.IntegrationType;
import dev.turnpike.runtime.model.Operation;
import dev.turnpike.runtime.routing.RouteMatch;
import dev.turnpike.runtime.routing.RouteNode;
import dev.turnpike.runtime.routing.Router;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route lookup as the generated code builds the resource tree, with 10, 1,000 and 10,000 routes of the same
 * depth ({@code /r<a>/s<b>/{id}}). The lookup walks one node per segment, so the cost should not grow with the
 * number of routes beyond cache effects (issue goal: 10,000 routes at most 1.5x the cost of 10).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteLookupBenchmark {

    @Param({"10", "1000", "10000"})
    public int routes;

    private Router router;
    private String[] paths;
    private int next;

    @Setup
    public void buildTree() {
        int perGroup = Math.min(routes, 100);
        int groups = routes / perGroup;
        RouteNode.Builder root = RouteNode.resource("/");
        for (int a = 0; a < groups; a++) {
            RouteNode.Builder group = RouteNode.resource("/r" + a);
            for (int b = 0; b < perGroup; b++) {
                String resource = "/r" + a + "/s" + b;
                Operation get = Operation.on("GET", resource + "/{id}")
                        .integration(Integration.of(IntegrationType.MOCK).build()).build();
                group.literal("s" + b, RouteNode.resource(resource)
                        .param("id", RouteNode.resource(resource + "/{id}").method(get).build()).build());
            }
            root.literal("r" + a, group.build());
        }
        router = new Router(root.build());
        // The same number of distinct lookups whatever the table size, spread over the whole table.
        paths = new String[64];
        for (int i = 0; i < paths.length; i++) {
            int route = (int) ((long) i * routes / paths.length);
            paths[i] = "/r" + route / perGroup + "/s" + route % perGroup + "/" + (1000 + i);
        }
    }

    @Benchmark
    public RouteMatch lookup() {
        String path = paths[next];
        next = (next + 1) & (paths.length - 1);
        return router.match(path, "GET");
    }
}
