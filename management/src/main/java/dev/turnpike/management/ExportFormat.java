package dev.turnpike.management;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** What a {@code GetExport} asks for besides the extensions: the export type, and JSON or YAML. */
final class ExportFormat {

    static final String JSON = "application/json";
    static final String YAML = "application/yaml";
    private static final String OAS30 = "oas30";

    private ExportFormat() {
    }

    /**
     * Only {@code oas30}: Swagger 2.0 ({@code swagger}) would need an OpenAPI 3 to 2 converter, which no library
     * here has.
     */
    static void checkType(String exportType) {
        if (exportType.equals(OAS30)) {
            return;
        }
        if (exportType.equals("swagger")) {
            throw ApiException.badRequest("Export type swagger is not supported by this gateway. Supported: oas30");
        }
        throw ApiException.notFound("Invalid export type specified: " + exportType + ". Supported: oas30");
    }

    /**
     * Whether the {@code Accept} header asks for YAML: its first JSON or YAML type decides, and anything else
     * (none, {@code *}{@code /*}) is JSON, API Gateway's default.
     *
     * @throws ApiException {@code BadRequestException} when it names only types that are neither
     */
    static boolean yaml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        boolean wildcard = false;
        for (String range : accept.split(",")) {
            String type = range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
            switch (type) {
                case JSON:
                    return false;
                case YAML:
                    return true;
                case "*/*", "application/*":
                    wildcard = true;
                    break;
                default:
                    break;
            }
        }
        if (!wildcard) {
            throw ApiException.badRequest("Unsupported Accept header: " + accept + ". Supported: " + JSON + ", " + YAML);
        }
        return false;
    }

    /**
     * {@code attachment; filename="oas30_<deployment date>.json"}: the type and the deployment's date, as the
     * export's {@code info.version} is a date at AWS. AWS's exact file name is not recorded; this is our choice.
     */
    static String contentDisposition(String exportType, long deploymentCreatedMillis, boolean yaml) {
        String date = Instant.ofEpochMilli(deploymentCreatedMillis).truncatedTo(ChronoUnit.SECONDS).toString();
        return "attachment; filename=\"" + exportType + "_" + date + (yaml ? ".yaml" : ".json") + "\"";
    }
}
