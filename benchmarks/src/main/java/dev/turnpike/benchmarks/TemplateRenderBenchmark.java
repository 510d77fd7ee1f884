package dev.turnpike.benchmarks;

import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A request mapping template rendered as an integration renders it on every request: the context built from the
 * request, then the template merged. Two templates: a typical one (path and header parameters, two JSON paths
 * into the body, {@code $context} values, one {@code $util} call) and AWS console's "method request passthrough",
 * which loops over every parameter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TemplateRenderBenchmark {

    static final String TYPICAL = """
            {
              "petId": "$input.params('petId')",
              "name": $input.json('$.name'),
              "tags": $input.json('$.tags'),
              "caller": "$context.identity.sourceIp",
              "requestId": "$context.requestId",
              "stage": "$context.stage",
              "agent": "$util.escapeJavaScript($input.params().header.get('User-Agent'))"
            }""";

    static final String PASSTHROUGH = """
            #set($allParams = $input.params())
            {
            "body-json" : $input.json('$'),
            "params" : {
            #foreach($type in $allParams.keySet())
                #set($params = $allParams.get($type))
            "$type" : {
                #foreach($paramName in $params.keySet())
                "$paramName" : "$util.escapeJavaScript($params.get($paramName))"
                    #if($foreach.hasNext),#end
                #end
            }
                #if($foreach.hasNext),#end
            #end
            },
            "stage-variables" : {
            #foreach($key in $stageVariables.keySet())
            "$key" : "$util.escapeJavaScript($stageVariables.get($key))"
                #if($foreach.hasNext),#end
            #end
            },
            "context" : {
                "http-method" : "$context.httpMethod",
                "request-id" : "$context.requestId",
                "resource-path" : "$context.resourcePath",
                "source-ip" : "$context.identity.sourceIp",
                "stage" : "$context.stage"
                }
            }
            """;

    private static final String BODY = "{\"name\": \"Rex\", \"type\": \"dog\", \"tags\": [\"good\", \"boy\"]}";
    private static final Map<String, List<String>> HEADERS = Map.of("Host", List.of("api.example.com"),
            "Accept", List.of("application/json"), "Content-Type", List.of("application/json"),
            "User-Agent", List.of("bench/1.0 \"quoted\""));
    private static final Map<String, Object> CONTEXT = Map.of("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "stage", "prod", "httpMethod", "POST", "resourcePath", "/pets/{petId}",
            "identity", Map.of("sourceIp", "127.0.0.1", "userAgent", "bench/1.0"));

    private MappingTemplate typical;
    private MappingTemplate passthrough;

    @Setup
    public void parse() throws TemplateException {
        typical = MappingTemplate.parse(TYPICAL, "bench.yaml #/typical");
        passthrough = MappingTemplate.parse(PASSTHROUGH, "bench.yaml #/passthrough");
    }

    @Benchmark
    public String typical() throws TemplateException {
        return typical.render(context());
    }

    @Benchmark
    public String methodRequestPassthrough() throws TemplateException {
        return passthrough.render(context());
    }

    private static TemplateContext context() {
        return TemplateContext.builder().body(BODY).pathParameters(Map.of("petId", "7"))
                .queryParameters(Map.of("expand", List.of("owner"))).headers(HEADERS)
                .stageVariables(Map.of("backend", "pets.internal")).context(CONTEXT).build();
    }
}
