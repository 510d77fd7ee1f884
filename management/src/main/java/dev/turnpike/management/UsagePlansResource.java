package dev.turnpike.management;

import dev.turnpike.runtime.admin.GatewayAdmin;
import dev.turnpike.runtime.admin.UsagePlanRegistry;
import dev.turnpike.runtime.auth.ApiKeys;
import dev.turnpike.runtime.throttle.UsagePlan;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * {@code /usageplans}: {@code CreateUsagePlan}, {@code GetUsagePlans}, {@code GetUsagePlan},
 * {@code CreateUsagePlanKey}, {@code GetUsagePlanKeys} and {@code GetUsage}. A plan made here is a configured
 * plan ({@code turnpike.usagePlans.<name>.*}) added at run time: checked the same way, metered from the next
 * request on, and kept in the store.
 */
@Path("usageplans")
@Produces("application/json")
public final class UsagePlansResource {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final String PLANS = "turnpike.usagePlans.";

    private final GatewayAdmin admin;

    UsagePlansResource(GatewayAdmin admin) {
        this.admin = admin;
    }

    /** {@code CreateUsagePlan}: {@code name}, {@code apiStages}, {@code throttle}, {@code quota}. */
    @POST
    public Response createUsagePlan(String body) {
        JsonObject json = Bodies.object(body);
        String name = Bodies.text(json, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("Turnpike needs a usage plan name of 1 to 128 characters A-Z, a-z, 0-9, _"
                    + " and -: " + name);
        }
        UsagePlanRegistry registry = admin.usagePlans();
        if (registry.usagePlans().plans().containsKey(name)) {
            throw new ApiException(409, "ConflictException", "Usage plan already exists: " + name);
        }
        String prefix = PLANS + name + ".";
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> stages = new ArrayList<>();
        JsonValue apiStages = json.get("apiStages");
        if (apiStages instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (!(v instanceof JsonObject stage)) {
                    throw ApiException.badRequest("apiStages: each item is {\"apiId\", \"stage\"}");
                }
                if (!admin.identity().apiId().equals(Bodies.text(stage, "apiId"))) {
                    throw ApiException.notFound("Invalid API identifier specified " + admin.identity().accountId()
                            + ":" + Bodies.text(stage, "apiId"));
                }
                stages.add(Bodies.text(stage, "stage"));
            }
        }
        entries.put(prefix + "apiStages", String.join(",", stages));
        if (json.get("throttle") instanceof JsonObject throttle) {
            putNumber(entries, prefix + "throttle.rateLimit", throttle, "rateLimit");
            putNumber(entries, prefix + "throttle.burstLimit", throttle, "burstLimit");
        }
        if (json.get("quota") instanceof JsonObject quota) {
            putNumber(entries, prefix + "quota.limit", quota, "limit");
            putNumber(entries, prefix + "quota.offset", quota, "offset");
            String period = Bodies.text(quota, "period");
            if (period != null) {
                entries.put(prefix + "quota.period", period);
            }
        }
        Changes.add(registry, entries);
        return Response.status(201).entity(planShape(registry.usagePlans().plans().get(name)).build().toString())
                .build();
    }

    /** {@code GetUsagePlans}. */
    @GET
    public String getUsagePlans() {
        return Shapes.items(admin.usagePlans().usagePlans().plans().values(), this::planShape);
    }

    /** {@code GetUsagePlan}. */
    @GET
    @Path("{usagePlanId}")
    public String getUsagePlan(@PathParam("usagePlanId") String id) {
        return planShape(plan(id)).build().toString();
    }

    /** {@code CreateUsagePlanKey}: puts an API key ({@code keyId}, {@code keyType} API_KEY) in the plan. */
    @POST
    @Path("{usagePlanId}/keys")
    public Response createUsagePlanKey(@PathParam("usagePlanId") String id, String body) {
        UsagePlan plan = plan(id);
        JsonObject json = Bodies.object(body);
        String keyType = Bodies.text(json, "keyType");
        if (keyType != null && !keyType.equals("API_KEY")) {
            throw ApiException.badRequest("Invalid keyType: " + keyType + " (API_KEY)");
        }
        UsagePlanRegistry registry = admin.usagePlans();
        ApiKeys.ApiKey key = ApiKeysResource.byId(registry, Bodies.text(json, "keyId") == null ? ""
                : Bodies.text(json, "keyId"));
        if (plan.apiKeys().contains(key.name())) {
            throw new ApiException(409, "ConflictException", "Usage Plan " + id + " cannot be added because API Key "
                    + key.id() + " is already in it");
        }
        List<String> keys = new ArrayList<>(plan.apiKeys());
        keys.add(key.name());
        Changes.add(registry, Map.of(PLANS + plan.name() + ".apiKeys", String.join(",", keys)));
        return Response.status(201).entity(Shapes.usagePlanKey(key).build().toString()).build();
    }

    /** {@code GetUsagePlanKeys}. */
    @GET
    @Path("{usagePlanId}/keys")
    public String getUsagePlanKeys(@PathParam("usagePlanId") String id) {
        UsagePlan plan = plan(id);
        ApiKeys keys = admin.usagePlans().apiKeys();
        List<ApiKeys.ApiKey> inPlan = new ArrayList<>();
        plan.apiKeys().forEach(name -> inPlan.add(keys.byName(name)));
        return Shapes.items(inPlan, Shapes::usagePlanKey);
    }

    /**
     * {@code GetUsage}: per key of the plan (or only {@code keyId}), {@code [[used, remaining]]} for the current
     * quota period; Turnpike keeps no history of earlier periods, so it answers one entry whatever the dates.
     */
    @GET
    @Path("{usagePlanId}/usage")
    public String getUsage(@PathParam("usagePlanId") String id, @QueryParam("keyId") String keyId,
            @QueryParam("startDate") String startDate, @QueryParam("endDate") String endDate) {
        UsagePlan plan = plan(id);
        if (startDate == null || endDate == null) {
            throw ApiException.badRequest("startDate and endDate are required");
        }
        if (plan.quota() == null) {
            throw ApiException.badRequest("Usage plan " + id + " has no quota to report usage of");
        }
        UsagePlanRegistry registry = admin.usagePlans();
        Map<String, long[]> usage = new LinkedHashMap<>();
        for (String name : plan.apiKeys()) {
            ApiKeys.ApiKey key = registry.apiKeys().byName(name);
            if (key == null || (keyId != null && !keyId.equals(key.id()))) {
                continue;
            }
            long remaining;
            try {
                remaining = registry.remainingQuota(plan.name(), name).get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiException(500, "InternalFailure", "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                throw new ApiException(503, "ServiceUnavailableException", "Usage could not be read: " + e);
            }
            usage.put(key.id(), new long[] {plan.quota().limit() - remaining, remaining});
        }
        return Shapes.usage(registry.usagePlanId(plan.name()), startDate, endDate, usage).build().toString();
    }

    private jakarta.json.JsonObjectBuilder planShape(UsagePlan plan) {
        return Shapes.usagePlan(admin.usagePlans().usagePlanId(plan.name()), plan, admin.identity().apiId());
    }

    private UsagePlan plan(String id) {
        UsagePlanRegistry registry = admin.usagePlans();
        for (UsagePlan plan : registry.usagePlans().plans().values()) {
            if (registry.usagePlanId(plan.name()).equals(id)) {
                return plan;
            }
        }
        throw ApiException.notFound("Invalid Usage Plan ID specified");
    }

    private static void putNumber(Map<String, String> entries, String key, JsonObject json, String field) {
        JsonValue v = json.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        if (v.getValueType() != JsonValue.ValueType.NUMBER) {
            throw ApiException.badRequest(field + " must be a number");
        }
        entries.put(key, v.toString());
    }
}
