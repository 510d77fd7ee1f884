package dev.turnpike.benchmarks;

import com.palantir.javapoet.ClassName;
import dev.turnpike.codegen.vtl.VtlCompileException;
import dev.turnpike.codegen.vtl.VtlCompiler;
import dev.turnpike.runtime.template.CompiledTemplate;
import dev.turnpike.runtime.template.ContextVariables;
import dev.turnpike.runtime.template.InputVariable;
import dev.turnpike.runtime.template.MappingTemplate;
import dev.turnpike.runtime.template.Payload;
import dev.turnpike.runtime.template.TemplateContext;
import dev.turnpike.runtime.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
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
 * One template rendered by the class the build compiles from it and by the Velocity reference engine, with the
 * same context: {@code compiled} vs {@code interpreted}. The templates are {@link TemplateRenderBenchmark}'s two and
 * three recorded from AWS ({@code shared/conformance/vtl/cases.json}): the {@code $context} dump (loops), the MOCK
 * request template that decodes a path parameter into an override, and the missing-path comparisons. The class is
 * compiled in setup exactly as the build compiles it (codegen, then javac); setup also checks both outputs are
 * identical. {@code compiled}/{@code interpreted} measure the render alone (a context built once);
 * {@code ...WithContext} add building the context per call, as an integration does per request. Run with
 * {@code -prof gc} for the allocation per render.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CompiledTemplateBenchmark {

    static final String CONTEXT_DUMP = "\n{\n    \"QueueUrl\": \"https://sqs.us-east-1.amazonaws.com/111111111111/queue-test\",\n"
            + "    \"MessageBody\": \"{\\\"context\\\": {#foreach( $key in $context.keySet() )\\\"$key\\\": \\\"$context.get($key)\\\""
            + "#if($foreach.hasNext),#end#end},\\\"identity\\\": {#foreach( $key in $context.identity.keySet() )\\\"$key\\\": "
            + "\\\"$context.identity.get($key)\\\"#if($foreach.hasNext),#end#end},\\\"requestOverride\\\": {#foreach( $key in "
            + "$context.requestOverride.keySet() )\\\"$key\\\": \\\"$context.requestOverride.get($key)\\\"#if($foreach.hasNext),"
            + "#end#end},\\\"responseOverride\\\": {#foreach( $key in $context.responseOverride.keySet() )\\\"$key\\\": "
            + "\\\"$context.responseOverride.get($key)\\\"#if($foreach.hasNext),#end#end},\\\"authorizer_keys\\\": {#foreach( "
            + "$key in $context.authorizer.keySet() )\\\"$key\\\": \\\"$util.escapeJavaScript($context.authorizer.get($key))"
            + "\\\"#if($foreach.hasNext),#end#end}}\"}\n";

    static final String MOCK_OVERRIDE = "#set($body = $util.base64Decode($input.params('testPath')))\n"
            + "    #set($context.requestOverride.path.body = $body)\n    {\n      \"statusCode\": 200\n    }\n";

    static final String MISSING_PATH = "#set($result = $input.path(\"$.nonExisting\")){\"body\": $result, \"nested\": "
            + "$result.nested, \"isNull\": #if( $result == $null )\"true\"#else\"false\"#end, \"isEmptyString\": "
            + "#if( $result == \"\" )\"true\"#else\"false\"#end}";

    private static final Map<String, String> TEMPLATES = Map.of("typical", TemplateRenderBenchmark.TYPICAL,
            "passthrough", TemplateRenderBenchmark.PASSTHROUGH, "contextDump", CONTEXT_DUMP,
            "mockOverride", MOCK_OVERRIDE, "missingPath", MISSING_PATH);

    private static final String BODY = "{\"name\": \"Rex\", \"type\": \"dog\", \"tags\": [\"good\", \"boy\"]}";
    private static final Map<String, List<String>> HEADERS = Map.of("Host", List.of("api.example.com"),
            "Accept", List.of("application/json"), "User-Agent", List.of("bench/1.0 \"quoted\""));
    private static final Map<String, Object> CONTEXT = Map.of("requestId", "c6af9ac6-7b61-11e6-9a41-93e8deadbeef",
            "stage", "prod", "httpMethod", "POST", "resourcePath", "/pets/{petId}",
            "identity", Map.of("sourceIp", "127.0.0.1", "userAgent", "bench/1.0"),
            "authorizer", Map.of("principalId", "user-1"));

    @Param({"typical", "passthrough", "contextDump", "mockOverride", "missingPath"})
    public String template;

    private MappingTemplate interpreted;
    private MappingTemplate compiled;
    /** Built once: {@code interpreted()} and {@code compiled()} measure the render alone. */
    private TemplateContext context;

    @Setup
    public void prepare() throws Exception {
        String source = TEMPLATES.get(template);
        interpreted = MappingTemplate.parse(source, "bench.yaml #/" + template);
        compiled = MappingTemplate.compiled(compile(source), "bench.yaml #/" + template);
        context = context();
        String a = interpreted.render(context());
        String b = compiled.render(context());
        if (!a.equals(b)) {
            throw new IllegalStateException("compiled and interpreted differ for " + template + ":\n" + b + "\n" + a);
        }
    }

    /** The render: variables, payload parsing, the template itself. */
    @Benchmark
    public String interpreted() throws TemplateException {
        return interpreted.render(context);
    }

    @Benchmark
    public String compiled() throws TemplateException {
        return compiled.render(context);
    }

    /**
     * The work this row's template cannot skip on either path, without the template: parse the payload if it reads
     * the payload, build {@code $context}'s map if it reads {@code $context}, build {@code $input.params()}'s maps
     * if it calls {@code params()} (all fresh per render: a template may change them). A floor under the row's
     * compiled time; the interpreted time over it bounds the ratio the compiler can reach.
     */
    @Benchmark
    public int sharedFloor() throws Payload.BadPayloadException {
        int n = 0;
        if (!template.equals("contextDump") && !template.equals("mockOverride")) {
            n += Payload.parse(context.body()).root().hashCode();
        }
        if (!template.equals("missingPath")) {
            n += ContextVariables.context(context).size();
        }
        if (template.equals("typical") || template.equals("passthrough")) {
            n += InputVariable.of(context).params().size();
        }
        return n;
    }

    /** As an integration renders per request: the context built from the request, then the render. */
    @Benchmark
    public String interpretedWithContext() throws TemplateException {
        return interpreted.render(context());
    }

    @Benchmark
    public String compiledWithContext() throws TemplateException {
        return compiled.render(context());
    }

    private static TemplateContext context() {
        return TemplateContext.builder().body(BODY).pathParameters(Map.of("petId", "7", "testPath",
                "eyJtZXNzYWdlIjogInBhdGgyIn0=")).queryParameters(Map.of("expand", List.of("owner")))
                .headers(HEADERS).stageVariables(Map.of("backend", "pets.internal")).context(CONTEXT).build();
    }

    /** codegen's class for the template, compiled by javac and loaded, as a build would. */
    private static CompiledTemplate compile(String source) throws VtlCompileException, IOException,
            ReflectiveOperationException {
        Path dir = Files.createTempDirectory("compiled-template");
        ClassName type = ClassName.get("bench.generated", "BenchTemplate");
        VtlCompiler.compile(source, "bench", type).writeTo(dir.resolve("java"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
            Path file = dir.resolve("java/bench/generated/BenchTemplate.java");
            boolean ok = javac.getTask(messages, files, null, List.of("-classpath", System.getProperty("java.class.path"),
                    "-d", classes.toString(), "-proc:none"), null, files.getJavaFileObjects(file)).call();
            if (!ok) {
                throw new UncheckedIOException(new IOException("javac: " + messages));
            }
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                CompiledTemplateBenchmark.class.getClassLoader());
        return (CompiledTemplate) loader.loadClass(type.canonicalName()).getDeclaredConstructor().newInstance();
    }
}
