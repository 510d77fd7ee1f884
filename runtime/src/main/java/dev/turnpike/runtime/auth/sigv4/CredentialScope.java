package dev.turnpike.runtime.auth.sigv4;

/**
 * The {@code Credential} value: {@code <accessKeyId>/<yyyyMMdd>/<region>/<service>/aws4_request}.
 */
record CredentialScope(String accessKeyId, String date, String region, String service, String terminator) {
    static final String TERMINATOR = "aws4_request";

    /** Splits a credential; AWS ignores trailing slashes, then wants exactly five parts. */
    static CredentialScope parse(String credential) {
        String trimmed = credential;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String[] parts = trimmed.split("/", -1);
        if (parts.length != 5) {
            throw new SigV4Rejection(SigV4Failures.credentialNotFiveParts(credential));
        }
        return new CredentialScope(parts[0], parts[1], parts[2], parts[3], parts[4]);
    }

    /** Rejects a scope for another region, service, terminator or day, naming every mismatch as AWS does. */
    void check(String expectedRegion, String expectedService, String requestTime) {
        StringBuilder problems = new StringBuilder();
        if (!region.equals(expectedRegion)) {
            problems.append("Credential should be scoped to a valid region, not '").append(region).append("'. ");
        }
        if (!service.equals(expectedService)) {
            problems.append("Credential should be scoped to correct service: '").append(expectedService).append("'. ");
        }
        if (!terminator.equals(TERMINATOR)) {
            problems.append("Credential should be scoped with a valid terminator: '" + TERMINATOR + "', not '")
                    .append(terminator).append("'. ");
        }
        String requestDay = requestTime.substring(0, 8);
        if (!date.equals(requestDay)) {
            problems.append("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from ")
                    .append("HTTP: '").append(date).append("' != '").append(requestDay)
                    .append("', from '").append(requestTime).append("'.");
        }
        if (!problems.isEmpty()) {
            throw new SigV4Rejection(SigV4Failures.badCredentialScope(problems.toString()));
        }
    }

    /** The scope line of the string to sign. */
    String scope() {
        return date + "/" + region + "/" + service + "/" + terminator;
    }
}
