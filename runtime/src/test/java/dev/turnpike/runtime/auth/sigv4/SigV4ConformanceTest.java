package dev.turnpike.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drives AWS's SigV4 test suites in {@code shared/conformance/sigv4} (see its {@code SOURCES.md}): every expected
 * signed request must be accepted at the case's time, and the canonical request and string to sign must equal the
 * suite's files byte for byte.
 */
class SigV4ConformanceTest {
    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SUITE_TIME = Instant.parse("2015-08-30T12:36:00Z");

    /** Cases that do not pass, each with the reason; a listed case that starts passing fails the test. */
    static final Map<String, String> KNOWN_FAILURES = Map.of(
            "legacy-2015/get-header-value-multiline", "the 2015 suite canonicalises folded header lines as "
                    + "value1,value2,value3; current SDKs, the v4 suite and AWS use value1 value2 value3 "
                    + "(SOURCES.md), which v4/get-header-value-multiline passes");

    /** One suite case: throws when the verifier disagrees with it. */
    private interface SuiteCase {
        void check() throws IOException;
    }

    @Test
    void v4SuiteHeaderAndPresignedForms() throws IOException {
        Map<String, SuiteCase> cases = new TreeMap<>();
        for (Path caseDir : caseDirectories(suiteRoot().resolve("v4"))) {
            JsonObject context = json(caseDir.resolve("context.json"));
            for (String form : List.of("header", "query")) {
                cases.put("v4/" + caseDir.getFileName() + " (" + form + ")",
                        () -> assertV4Case(caseDir, context, form));
            }
        }
        assertThat(cases).hasSize(76);
        runAndReport("v4", cases);
    }

    @Test
    void legacy2015Suite() throws IOException {
        Map<String, SuiteCase> cases = new TreeMap<>();
        try (Stream<Path> files = Files.walk(suiteRoot().resolve("legacy-2015"))) {
            for (Path sreq : files.filter(f -> f.toString().endsWith(".sreq")).toList()) {
                String name = sreq.getFileName().toString().replace(".sreq", "");
                cases.put("legacy-2015/" + name, () -> assertLegacyCase(sreq.getParent(), name));
            }
        }
        assertThat(cases).hasSize(31);
        runAndReport("legacy-2015", cases);
    }

    /** API Gateway normalises every path, so an S3-style signature over dot segments or {@code //} is refused. */
    @Test
    void unnormalizedSignaturesAreRefusedByApiGateway() throws IOException {
        int refused = 0;
        for (Path caseDir : caseDirectories(suiteRoot().resolve("v4"))) {
            SuiteRequest signed = SuiteRequest.parse(Files.readAllBytes(caseDir.resolve("header-signed-request.txt")));
            boolean s3Style = caseDir.getFileName().toString().endsWith("-unnormalized");
            if (s3Style && !CanonicalRequest.normalizedPath(signed.path()).equals(signed.path())) {
                SigV4Result result = verifier(null, true).verify(signed.signedRequest(), SUITE_TIME);
                assertThat(result).as(caseDir.getFileName().toString()).isInstanceOfSatisfying(SigV4Failure.class,
                        failure -> assertThat(failure.errorType()).isEqualTo("InvalidSignatureException"));
                refused++;
            }
        }
        assertThat(refused).isEqualTo(6);
    }

    private static void runAndReport(String suite, Map<String, SuiteCase> cases) {
        List<String> failures = new ArrayList<>();
        List<String> passedButKnown = new ArrayList<>();
        int passed = 0;
        for (Map.Entry<String, SuiteCase> suiteCase : cases.entrySet()) {
            String problem = null;
            try {
                suiteCase.getValue().check();
            } catch (AssertionError | IOException | RuntimeException e) {
                problem = e.getMessage();
            }
            if (problem == null) {
                passed++;
                if (KNOWN_FAILURES.containsKey(suiteCase.getKey())) {
                    passedButKnown.add(suiteCase.getKey());
                }
            } else if (!KNOWN_FAILURES.containsKey(suiteCase.getKey())) {
                failures.add(suiteCase.getKey() + ": " + problem);
            }
        }
        System.out.println("SigV4 conformance " + suite + ": " + passed + "/" + cases.size() + " cases pass");
        KNOWN_FAILURES.forEach((name, reason) -> {
            if (name.startsWith(suite + "/")) {
                System.out.println("  known: " + name + ": " + reason);
            }
        });
        failures.forEach(failure -> System.out.println("  FAIL " + failure));
        assertThat(failures).as("cases of the " + suite + " suite the verifier disagrees with").isEmpty();
        assertThat(passedButKnown).as("known failures that now pass: remove them from KNOWN_FAILURES").isEmpty();
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

    /** {@code -Dturnpike.shared} if given, else the nearest {@code shared/} above the module. */
    static Path suiteRoot() {
        String configured = System.getProperty("turnpike.shared");
        if (configured != null) {
            return Path.of(configured, "conformance", "sigv4");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/conformance/sigv4");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/conformance/sigv4 not found above " + Path.of("").toAbsolutePath());
    }
}
