package dev.turnpike.runtime.auth.sigv4;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * SigV4's canonical request, built from the request as API Gateway received it:
 * <pre>
 * METHOD
 * /normalised/path, each byte URI-encoded (so an encoded path is encoded a second time)
 * key=value&amp;... sorted by encoded key, then encoded value
 * name:value lines for the signed headers
 * signed;header;names
 * hex SHA-256 of the body
 * </pre>
 */
final class CanonicalRequest {
    private static final Comparator<String[]> BY_KEY_THEN_VALUE =
            Comparator.<String[], String>comparing(pair -> pair[0]).thenComparing(pair -> pair[1]);

    private CanonicalRequest() {
    }

    /**
     * @param normalizePath {@code true} for API Gateway (and every AWS service but S3): remove dot segments and
     *     collapse repeated slashes before encoding
     * @param tokenAddedAfterSigning leave {@code X-Amz-Security-Token} out of a presigned query, for clients that
     *     append it after signing as SigV4 allows
     */
    static String of(SignedRequest request, QueryParameters query, SigningParameters signing, boolean normalizePath,
            boolean tokenAddedAfterSigning) {
        String path = normalizePath ? normalizedPath(request.rawPath()) : request.rawPath();
        StringBuilder canonical = new StringBuilder(256)
                .append(request.method()).append('\n')
                .append(UriEncoding.encode(path.isEmpty() ? "/" : path, true)).append('\n')
                .append(canonicalQuery(query, signing.presigned(), tokenAddedAfterSigning)).append('\n');
        for (String name : signing.signedHeaders()) {
            canonical.append(name).append(':').append(canonicalHeaderValue(request, name)).append('\n');
        }
        return canonical.append('\n')
                .append(String.join(";", signing.signedHeaders())).append('\n')
                .append(request.bodySha256Hex())
                .toString();
    }

    /** Resolves {@code .} and {@code ..} segments and drops empty ones, keeping a trailing slash. */
    static String normalizedPath(String rawPath) {
        List<String> segments = new ArrayList<>();
        String[] parts = rawPath.split("/", -1);
        for (String part : parts) {
            if (part.equals("..")) {
                if (!segments.isEmpty()) {
                    segments.remove(segments.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                segments.add(part);
            }
        }
        String last = parts[parts.length - 1];
        boolean endsWithSlash = last.isEmpty() || last.equals(".") || last.equals("..");
        String path = "/" + String.join("/", segments);
        return endsWithSlash && !segments.isEmpty() ? path + "/" : path;
    }

    private static String canonicalQuery(QueryParameters query, boolean presigned, boolean tokenAddedAfterSigning) {
        List<String[]> pairs = new ArrayList<>(query.all().size());
        for (QueryParameters.Parameter parameter : query.all()) {
            String key = UriEncoding.reencode(parameter.rawKey());
            if (presigned && key.equals("X-Amz-Signature")
                    || tokenAddedAfterSigning && key.equals("X-Amz-Security-Token")) {
                continue;
            }
            pairs.add(new String[] {key, UriEncoding.reencode(parameter.rawValue())});
        }
        pairs.sort(BY_KEY_THEN_VALUE);
        StringBuilder canonical = new StringBuilder();
        for (String[] pair : pairs) {
            if (!canonical.isEmpty()) {
                canonical.append('&');
            }
            canonical.append(pair[0]).append('=').append(pair[1]);
        }
        return canonical.toString();
    }

    /** Every value of the header in arrival order, each trimmed with inner runs of whitespace made one space. */
    private static String canonicalHeaderValue(SignedRequest request, String name) {
        StringBuilder joined = new StringBuilder();
        for (String value : request.headers().all(name)) {
            if (!joined.isEmpty()) {
                joined.append(',');
            }
            appendCollapsed(joined, value);
        }
        return joined.toString();
    }

    private static void appendCollapsed(StringBuilder target, String value) {
        boolean pendingSpace = false;
        boolean started = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                pendingSpace = started;
            } else {
                if (pendingSpace) {
                    target.append(' ');
                    pendingSpace = false;
                }
                target.append(c);
                started = true;
            }
        }
    }
}
