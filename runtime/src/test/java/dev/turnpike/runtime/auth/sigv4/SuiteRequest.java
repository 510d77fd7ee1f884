package dev.turnpike.runtime.auth.sigv4;

import dev.turnpike.runtime.http.Headers;
import java.nio.charset.StandardCharsets;

/**
 * A request file of the SigV4 test suites: request line, {@code Name:value} headers (folded continuation lines
 * allowed), blank line, body. Read exactly: request lines may hold a raw space or raw UTF-8.
 */
record SuiteRequest(String method, String path, String query, Headers headers, byte[] body) {

    static SuiteRequest parse(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
        int blank = text.indexOf("\n\n");
        String head = blank < 0 ? text : text.substring(0, blank);
        String bodyText = blank < 0 ? "" : text.substring(blank + 2);
        String[] lines = head.split("\n", -1);
        String requestLine = lines[0];
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        String target = requestLine.substring(method.length() + 1, requestLine.lastIndexOf(' '));
        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? null : target.substring(question + 1);
        Headers headers = new Headers();
        String name = null;
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && name != null) {
                value.append('\n').append(line);
                continue;
            }
            if (name != null) {
                headers.add(name, value.toString().trim());
            }
            int colon = line.indexOf(':');
            name = line.substring(0, colon);
            value.setLength(0);
            value.append(line.substring(colon + 1));
        }
        if (name != null) {
            headers.add(name, value.toString().trim());
        }
        return new SuiteRequest(method, path, query, headers, bodyText.getBytes(StandardCharsets.UTF_8));
    }

    SignedRequest signedRequest() {
        return new SignedRequest(method, path, query, headers, SignedRequest.sha256Hex(body));
    }
}
