package dev.turnpike.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Drives AWS's SigV4 test suites in {@code shared/conformance/sigv4} (see its {@code SOURCES.md}): every expected
 * signed request must be accepted at the case's time, and the canonical request and string to sign must equal the
 * suite's files byte for byte.
 */
class SigV4ConformanceTest {
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    /**
     * The 2015 suite folds {@code My-Header1:value1 / value2 / value3} into {@code value1,value2,value3}; current
     * SDKs and the v4 suite sign {@code value1 value2 value3}, which is what AWS verifies. See SOURCES.md.
     */
    private static final String LEGACY_MULTILINE_BUG = "get-header-value-multiline";

    @TestFactory
    Stream<DynamicTest> v4SuiteHeaderAndPresignedForms() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path caseDir : caseDirectories(suiteRoot().resolve("v4"))) {
            JsonObject context = json(caseDir.resolve("context.json"));
            for (String form : List.of("header", "query")) {
                String name = caseDir.getFileName() + " (" + form + ")";
                tests.add(dynamicTest(name, () -> assertV4Case(caseDir, context, form)));
            }
        }
        assertThat(tests).hasSize(76);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> legacy2015Suite() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.walk(suiteRoot().resolve("legacy-2015"))) {
            for (Path sreq : files.filter(f -> f.toString().endsWith(".sreq")).sorted().toList()) {
                String name = sreq.getFileName().toString().replace(".sreq", "");
                if (!name.equals(LEGACY_MULTILINE_BUG)) {
                    tests.add(dynamicTest(name, () -> assertLegacyCase(sreq.getParent(), name)));
                }
            }
        }
        assertThat(tests).hasSize(30);
        return tests.stream();
    }

    /** API Gateway normalises every path, so an S3-style signature over dot segments or {@code //} is refused. */
    @TestFactory
    Stream<DynamicTest> unnormalizedSignaturesAreRefusedByApiGateway() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path caseDir : caseDirectories(suiteRoot().resolve("v4"))) {
            String name = caseDir.getFileName().toString();
            SuiteRequest signed = SuiteRequest.parse(Files.readAllBytes(caseDir.resolve("header-signed-request.txt")));
            if (name.endsWith("-unnormalized") && !CanonicalRequest.normalizedPath(signed.path()).equals(signed.path())) {
                tests.add(dynamicTest(name, () -> {
                    SigV4Result result = verifier(null, true).verify(signed.signedRequest(), SUITE_TIME);
                    assertThat(result).isInstanceOf(SigV4Failure.class);
                    assertThat(((SigV4Failure) result).errorType()).isEqualTo("InvalidSignatureException");
                }));
            }
        }
        assertThat(tests).hasSize(6);
        return tests.stream();
    }

    private static void assertV4Case(Path caseDir, JsonObject context, String form) throws IOException {
        JsonObject credentials = context.getJsonObject("credentials");
        String token = credentials.getString("token", null);
        boolean normalize = context.getBoolean("normalize");
        Instant now = Instant.parse(context.getString("timestamp"));
        SuiteRequest signed = SuiteRequest.parse(Files.readAllBytes(caseDir.resolve(form + "-signed-request.txt")));
        SignedRequest request = signed.signedRequest();

        boolean tokenAddedAfterSigning = context.getBoolean("omit_session_token", false);
        assertCanonicalForms(request, normalize, tokenAddedAfterSigning,
                read(caseDir.resolve(form + "-canonical-request.txt")),
                read(caseDir.resolve(form + "-string-to-sign.txt")));
        assertAccepted(verifier(token, normalize).verify(request, now));
    }

    private static void assertLegacyCase(Path caseDir, String name) throws IOException {
        SuiteRequest signed = SuiteRequest.parse(Files.readAllBytes(caseDir.resolve(name + ".sreq")));
        SignedRequest request = signed.signedRequest();
        assertCanonicalForms(request, true, false, read(caseDir.resolve(name + ".creq")),
                read(caseDir.resolve(name + ".sts")));
        String token = request.headers().first("X-Amz-Security-Token");
        assertAccepted(verifier(token, true).verify(request, SUITE_TIME));
    }

    private static void assertCanonicalForms(SignedRequest request, boolean normalize,
            boolean tokenAddedAfterSigning, String expectedCanonical, String expectedStringToSign) {
        QueryParameters query = QueryParameters.parse(request.rawQuery());
        SigningParameters signing = SigningParameters.of(request, query);
        String canonical = CanonicalRequest.of(request, query, signing, normalize, tokenAddedAfterSigning);
        assertThat(canonical).isEqualTo(expectedCanonical);
        CredentialScope scope = CredentialScope.parse(signing.credential());
        String amzDate = AmzDate.format(signing.requestTime());
        assertThat(SigV4Verifier.stringToSign(amzDate, scope, canonical)).isEqualTo(expectedStringToSign);
    }

    private static void assertAccepted(SigV4Result result) {
        assertThat(result).isInstanceOfSatisfying(SigV4Result.Verified.class,
                verified -> assertThat(verified.principal().accessKeyId()).isEqualTo(ACCESS_KEY));
    }

    private static SigV4Verifier verifier(String sessionToken, boolean normalize) {
        IamPrincipal principal = new IamPrincipal(ACCESS_KEY, SECRET, sessionToken, "123456789012",
                "arn:aws:iam::123456789012:user/example", "AIDAEXAMPLEEXAMPLEEX");
        return new SigV4Verifier(IamCredentials.of(principal), "us-east-1", "service", normalize);
    }

    private static List<Path> caseDirectories(Path suite) throws IOException {
        try (Stream<Path> dirs = Files.list(suite)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    private static JsonObject json(Path file) throws IOException {
        try (JsonReader reader = Json.createReader(new StringReader(read(file)))) {
            return reader.readObject();
        }
    }

    /** {@code shared/} sits beside the project root (or the worktree); look upwards from the module. */
    static Path suiteRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance/sigv4");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/conformance/sigv4 not found above " + Path.of("").toAbsolutePath());
    }
}
