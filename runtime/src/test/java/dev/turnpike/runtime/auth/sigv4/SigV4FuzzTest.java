package dev.turnpike.runtime.auth.sigv4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.turnpike.runtime.http.Headers;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded random mutations of a valid signature never make the verifier throw, and every refusal is a well-formed
 * AWS answer.
 */
class SigV4FuzzTest {
    private static final long SEED = 20_151_030L;
    private static final int ITERATIONS = 20_000;
    private static final Instant NOW = Instant.parse("2026-11-25T10:15:30Z");
    private static final Set<String> AWS_ERROR_TYPES = Set.of("IncompleteSignatureException",
            "InvalidSignatureException", "UnrecognizedClientException", "MissingAuthenticationTokenException");
    /** Characters the header's grammar cares about, and some it should never see. */
    private static final String ALPHABET = " ,=/;:-_.~%+AKIDaws4_requestSignedHeadersCredential0123456789abcdef"
            + "\t\r\n\u0000\u00e9\u1234\ud83d\ude00";

    private final SigV4Verifier verifier = SigV4Verifier.forExecuteApi(IamCredentials.of(new IamPrincipal(
            "AKIAIOSFODNN7EXAMPLE", "secret", null, "123456789012", "arn:aws:iam::123456789012:user/fuzz",
            "AIDAFUZZFUZZFUZZFUZZ1")), SdkSigner.REGION);
    private final Random random = new Random(SEED);

    @Test
    void mutatedAuthorizationHeadersAreAlwaysAnsweredWell() {
        SignedRequest valid = SdkSigner.withKey("AKIAIOSFODNN7EXAMPLE", "secret").sign("GET", "/prod/pets",
                Map.of("q", List.of("1")), Map.of(), "", NOW);
        String authorization = valid.headers().first("Authorization");
        assertThat(verifier.verify(valid, NOW)).isInstanceOf(SigV4Result.Verified.class);

        for (int i = 0; i < ITERATIONS; i++) {
            String mutated = mutate(authorization);
            Headers headers = valid.headers().copy().set("Authorization", mutated);
            assertWellFormed(new SignedRequest("GET", "/prod/pets", valid.rawQuery(), headers,
                    valid.bodySha256Hex()), mutated);
        }
    }

    @Test
    void mutatedPresignedQueriesAreAlwaysAnsweredWell() {
        SignedRequest valid = SdkSigner.withKey("AKIAIOSFODNN7EXAMPLE", "secret").presign("GET", "/prod/pets",
                Map.of(), NOW, Duration.ofMinutes(5));

        for (int i = 0; i < ITERATIONS / 4; i++) {
            String mutated = mutate(valid.rawQuery());
            assertWellFormed(new SignedRequest("GET", "/prod/pets", mutated, valid.headers(), valid.bodySha256Hex()),
                    mutated);
        }
    }

    private void assertWellFormed(SignedRequest request, String input) {
        SigV4Result result = verifier.verify(request, NOW);
        if (result instanceof SigV4Failure failure) {
            assertThat(failure.status()).as(input).isEqualTo(403);
            assertThat(failure.message()).as(input).isNotBlank();
            assertThat(failure.errorType()).as(input).isIn(AWS_ERROR_TYPES);
        }
    }

    /** One to three edits: replace, insert, delete, duplicate a slice, or truncate. */
    private String mutate(String original) {
        StringBuilder text = new StringBuilder(original);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            int at = text.isEmpty() ? 0 : random.nextInt(text.length());
            switch (random.nextInt(5)) {
                case 0 -> {
                    if (!text.isEmpty()) {
                        text.setCharAt(at, randomChar());
                    }
                }
                case 1 -> text.insert(at, randomChar());
                case 2 -> {
                    if (!text.isEmpty()) {
                        text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                    }
                }
                case 3 -> {
                    int end = Math.min(text.length(), at + random.nextInt(40));
                    text.insert(at, text.substring(at, end));
                }
                default -> text.setLength(at);
            }
        }
        return text.toString();
    }

    private char randomChar() {
        return random.nextInt(10) == 0 ? (char) random.nextInt(0x10000)
                : ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
}
