package dev.turnpike.management;

import dev.turnpike.runtime.admin.GatewayAdmin;
import dev.turnpike.runtime.admin.UsagePlanRegistry;
import dev.turnpike.runtime.auth.ApiKeys;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** {@code /apikeys}: {@code CreateApiKey}, {@code GetApiKeys}, {@code GetApiKey}. */
@Path("apikeys")
@Produces("application/json")
public final class ApiKeysResource {

    /** A key's name becomes a configuration key segment ({@code turnpike.apiKeys.<name>.value}). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final char[] VALUE_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final GatewayAdmin admin;

    ApiKeysResource(GatewayAdmin admin) {
        this.admin = admin;
    }

    /** {@code CreateApiKey}: {@code name}, optional {@code value} (else 40 random characters), {@code enabled}. */
    @POST
    public Response createApiKey(String body) {
        JsonObject json = Bodies.object(body);
        String name = Bodies.text(json, "name");
        if (name == null || !NAME.matcher(name).matches()) {
            throw ApiException.badRequest("Turnpike needs an API key name of 1 to 128 characters A-Z, a-z, 0-9, _"
                    + " and -: " + name);
        }
        UsagePlanRegistry registry = admin.usagePlans();
        if (registry.apiKeys().byName(name) != null) {
            throw new ApiException(409, "ConflictException", "API Key already exists: " + name);
        }
        String value = Bodies.text(json, "value");
        if (value == null) {
            value = randomValue();
        }
        // AWS creates keys disabled unless told otherwise.
        boolean enabled = json.containsKey("enabled") && json.getBoolean("enabled", false);
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("turnpike.apiKeys." + name + ".value", value);
        entries.put("turnpike.apiKeys." + name + ".enabled", Boolean.toString(enabled));
        Changes.add(registry, entries);
        ApiKeys.ApiKey created = registry.apiKeys().byName(name);
        return Response.status(201).entity(Shapes.apiKey(created, true, admin.createdMillis()).build()
                .toString()).build();
    }

    /** {@code GetApiKeys}: values only with {@code includeValues=true}, as AWS. */
    @GET
    public String getApiKeys(@QueryParam("includeValues") boolean includeValues, @QueryParam("name") String name) {
        UsagePlanRegistry registry = admin.usagePlans();
        List<ApiKeys.ApiKey> keys = new ArrayList<>();
        for (ApiKeys.ApiKey key : registry.apiKeys().all()) {
            if (name == null || key.name().startsWith(name)) {
                keys.add(key);
            }
        }
        return Shapes.items(keys, k -> Shapes.apiKey(k, includeValues, admin.createdMillis()));
    }

    /** {@code GetApiKey}. */
    @GET
    @Path("{apiKeyId}")
    public String getApiKey(@PathParam("apiKeyId") String id, @QueryParam("includeValue") boolean includeValue) {
        UsagePlanRegistry registry = admin.usagePlans();
        ApiKeys.ApiKey key = byId(registry, id);
        return Shapes.apiKey(key, includeValue, admin.createdMillis()).build().toString();
    }

    static ApiKeys.ApiKey byId(UsagePlanRegistry registry, String id) {
        for (ApiKeys.ApiKey key : registry.apiKeys().all()) {
            if (key.id().equals(id)) {
                return key;
            }
        }
        throw ApiException.notFound("Invalid API Key identifier specified");
    }

    private static String randomValue() {
        char[] value = new char[40];
        for (int i = 0; i < value.length; i++) {
            value[i] = VALUE_ALPHABET[RANDOM.nextInt(VALUE_ALPHABET.length)];
        }
        return new String(value);
    }
}
