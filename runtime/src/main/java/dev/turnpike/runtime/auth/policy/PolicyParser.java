package dev.turnpike.runtime.auth.policy;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy document's JSON into a {@link PolicyDocument}, gathering every problem before failing: a document
 * with three mistakes reports three, each with its place ({@code Statement[2].Condition.IpAddress.aws:SourceIp}).
 */
final class PolicyParser {

    private static final Set<String> DOCUMENT_ELEMENTS = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS = Set.of("Sid", "Effect", "Action", "NotAction", "Resource",
            "NotResource", "Principal", "NotPrincipal", "Condition");
    private static final Set<String> VERSIONS = Set.of("2012-10-17", "2008-10-17");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated", "CanonicalUser");

    private final List<String> errors = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    PolicyDocument document(JsonObject json) throws PolicyParseException {
        for (String element : json.keySet()) {
            if (!DOCUMENT_ELEMENTS.contains(element)) {
                errors.add(element + ": not a policy element");
            }
        }
        String version = null;
        JsonValue versionValue = json.get("Version");
        if (versionValue != null) {
            version = versionValue instanceof JsonString s ? s.getString() : null;
            if (version == null || !VERSIONS.contains(version)) {
                errors.add("Version: must be 2012-10-17 or 2008-10-17, not " + versionValue);
            }
        }
        List<Statement> statements = new ArrayList<>();
        JsonValue statementValue = json.get("Statement");
        if (statementValue == null) {
            errors.add("Statement: missing");
        } else if (statementValue.getValueType() == JsonValue.ValueType.OBJECT) {
            addStatement(statements, statementValue.asJsonObject(), "Statement");
        } else if (statementValue.getValueType() == JsonValue.ValueType.ARRAY) {
            List<JsonValue> array = statementValue.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                String where = "Statement[" + i + "]";
                if (array.get(i).getValueType() == JsonValue.ValueType.OBJECT) {
                    addStatement(statements, array.get(i).asJsonObject(), where);
                } else {
                    errors.add(where + ": must be an object");
                }
            }
        } else {
            errors.add("Statement: must be an object or an array of objects");
        }
        if (!errors.isEmpty()) {
            throw new PolicyParseException(errors);
        }
        return new PolicyDocument(version, statements, problems);
    }

    private void addStatement(List<Statement> statements, JsonObject written, String where) {
        // A null element is an absent one: the aws-lambda-java-events IamPolicyResponse writes "Condition": null.
        jakarta.json.JsonObjectBuilder present = jakarta.json.Json.createObjectBuilder();
        written.forEach((name, value) -> {
            if (value.getValueType() != JsonValue.ValueType.NULL) {
                present.add(name, value);
            }
        });
        JsonObject json = present.build();
        int errorsBefore = errors.size();
        for (String element : json.keySet()) {
            if (!STATEMENT_ELEMENTS.contains(element)) {
                errors.add(where + "." + element + ": not a statement element");
            }
        }
        String sid = json.get("Sid") instanceof JsonString s ? s.getString() : null;
        Statement.Effect effect = effect(json.get("Effect"), where + ".Effect");
        boolean notAction = json.containsKey("NotAction");
        List<String> actions = oneOf(json, "Action", "NotAction", where);
        boolean notResource = json.containsKey("NotResource");
        List<String> resources = oneOf(json, "Resource", "NotResource", where);
        boolean notPrincipal = json.containsKey("NotPrincipal");
        List<PrincipalEntry> principals = null;
        if (json.containsKey("Principal") && notPrincipal) {
            errors.add(where + ": has both Principal and NotPrincipal");
        } else if (json.containsKey("Principal") || notPrincipal) {
            String name = notPrincipal ? "NotPrincipal" : "Principal";
            principals = principals(json.get(name), where + "." + name);
        }
        List<Condition> conditions = conditions(json.get("Condition"), where + ".Condition");
        if (errors.size() == errorsBefore) {
            statements.add(new Statement(sid, effect, actions, notAction, resources, notResource, principals,
                    notPrincipal, conditions));
        }
    }

    private Statement.Effect effect(JsonValue value, String where) {
        if (value instanceof JsonString s && s.getString().equals("Allow")) {
            return Statement.Effect.ALLOW;
        }
        if (value instanceof JsonString s && s.getString().equals("Deny")) {
            return Statement.Effect.DENY;
        }
        errors.add(where + (value == null ? ": missing" : ": must be Allow or Deny, not " + value));
        return null;
    }

    /** The values of {@code name} or {@code notName}, whichever the statement has; exactly one is required. */
    private List<String> oneOf(JsonObject json, String name, String notName, String where) {
        boolean has = json.containsKey(name);
        boolean hasNot = json.containsKey(notName);
        if (has == hasNot) {
            errors.add(where + (has ? ": has both " + name + " and " + notName
                    : ": needs " + name + " or " + notName));
            return List.of();
        }
        String element = has ? name : notName;
        return strings(json.get(element), where + "." + element, false);
    }

    /** A string or a non-empty array of strings; {@code scalars} also takes numbers and booleans, as Condition does. */
    private List<String> strings(JsonValue value, String where, boolean scalars) {
        List<JsonValue> items = value.getValueType() == JsonValue.ValueType.ARRAY ? value.asJsonArray()
                : List.of(value);
        if (items.isEmpty()) {
            errors.add(where + ": must not be empty");
        }
        List<String> result = new ArrayList<>();
        for (JsonValue item : items) {
            if (item instanceof JsonString s) {
                result.add(s.getString());
            } else if (scalars && (item.getValueType() == JsonValue.ValueType.NUMBER
                    || item == JsonValue.TRUE || item == JsonValue.FALSE)) {
                result.add(item.toString());
            } else {
                errors.add(where + ": must be a string or an array of strings, not " + item);
                return List.of();
            }
        }
        return result;
    }

    private List<PrincipalEntry> principals(JsonValue value, String where) {
        if (value instanceof JsonString s) {
            if (s.getString().equals("*")) {
                return List.of(PrincipalEntry.aws("*"));
            }
            errors.add(where + ": must be \"*\" or an object such as {\"AWS\": \"123456789012\"}, not " + value);
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(where + ": must be \"*\" or an object, not " + value);
            return List.of();
        }
        List<PrincipalEntry> entries = new ArrayList<>();
        for (Map.Entry<String, JsonValue> type : value.asJsonObject().entrySet()) {
            if (!PRINCIPAL_TYPES.contains(type.getKey())) {
                errors.add(where + "." + type.getKey() + ": not a principal type (AWS, Service, Federated, "
                        + "CanonicalUser)");
                continue;
            }
            for (String principal : strings(type.getValue(), where + "." + type.getKey(), false)) {
                entries.add(type.getKey().equals("AWS") ? PrincipalEntry.aws(principal)
                        : new PrincipalEntry(PrincipalEntry.Kind.OTHER, principal));
            }
        }
        return entries;
    }

    private List<Condition> conditions(JsonValue value, String where) {
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(where + ": must be an object of operators");
            return List.of();
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, JsonValue> operatorEntry : value.asJsonObject().entrySet()) {
            String operatorName = operatorEntry.getKey();
            String operatorWhere = where + "." + operatorName;
            if (operatorEntry.getValue().getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(operatorWhere + ": must be an object of condition keys");
                continue;
            }
            boolean ifExists = operatorName.endsWith("IfExists") && !operatorName.equals("IfExists");
            String baseName = ifExists ? operatorName.substring(0, operatorName.length() - "IfExists".length())
                    : operatorName;
            ConditionOperator operator = ConditionOperator.named(baseName);
            if (operator == ConditionOperator.NULL && ifExists) {
                operator = null;
            }
            if (operator == null) {
                problems.add(operatorWhere + ": condition operator not supported by Turnpike; the statement "
                        + "fails closed (an Allow never matches, a Deny always does)");
            }
            for (Map.Entry<String, JsonValue> keyEntry : operatorEntry.getValue().asJsonObject().entrySet()) {
                String keyWhere = operatorWhere + "." + keyEntry.getKey();
                if (!RequestFacts.isKnownConditionKey(keyEntry.getKey())) {
                    problems.add(keyWhere + ": condition key not known to Turnpike; no request has it");
                }
                List<String> values = strings(keyEntry.getValue(), keyWhere, true);
                conditions.add(new Condition(operatorName, operator, ifExists, keyEntry.getKey(), values,
                        ranges(operator, values, keyWhere)));
            }
        }
        return conditions;
    }

    private List<IpRange> ranges(ConditionOperator operator, List<String> values, String where) {
        if (operator != ConditionOperator.IP_ADDRESS && operator != ConditionOperator.NOT_IP_ADDRESS) {
            return List.of();
        }
        List<IpRange> ranges = new ArrayList<>();
        for (String value : values) {
            try {
                ranges.add(IpRange.parse(value));
            } catch (IllegalArgumentException e) {
                errors.add(where + ": " + e.getMessage());
            }
        }
        return ranges;
    }
}
