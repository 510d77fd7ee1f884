package dev.turnpike.management;

import dev.turnpike.runtime.admin.GatewayAdmin;
import dev.turnpike.runtime.admin.LiveStage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /restapis/...}: the REST management API's calls about the API itself, its stages and deployments, on
 * the paths and with the shapes of {@code apigateway.<region>.amazonaws.com}.
 */
@Path("restapis")
@Produces("application/json")
public final class RestApisResource {

    private final GatewayAdmin admin;

    RestApisResource(GatewayAdmin admin) {
        this.admin = admin;
    }

    /** {@code GetRestApis}: the one API this gateway serves. */
    @GET
    public String getRestApis() {
        return Shapes.items(List.of(admin), Shapes::restApi);
    }

    /** {@code GetRestApi}. */
    @GET
    @Path("{restApiId}")
    public String getRestApi(@PathParam("restApiId") String restApiId) {
        checkApi(restApiId);
        return Shapes.restApi(admin).build().toString();
    }

    /** {@code GetDeployments}. */
    @GET
    @Path("{restApiId}/deployments")
    public String getDeployments(@PathParam("restApiId") String restApiId) {
        checkApi(restApiId);
        return Shapes.items(admin.deployments().values(), Shapes::deployment);
    }

    /** {@code GetDeployment}. */
    @GET
    @Path("{restApiId}/deployments/{deploymentId}")
    public String getDeployment(@PathParam("restApiId") String restApiId,
            @PathParam("deploymentId") String deploymentId) {
        checkApi(restApiId);
        GatewayAdmin.Deployment deployment = admin.deployments().get(deploymentId);
        if (deployment == null) {
            throw ApiException.notFound("Invalid Deployment identifier specified");
        }
        return Shapes.deployment(deployment).build().toString();
    }

    /** {@code GetStages}, optionally only the stages on {@code deploymentId}. */
    @GET
    @Path("{restApiId}/stages")
    public String getStages(@PathParam("restApiId") String restApiId, @QueryParam("deploymentId") String deploymentId) {
        checkApi(restApiId);
        List<LiveStage> stages = new ArrayList<>();
        for (LiveStage stage : admin.stages().stages()) {
            if (deploymentId == null || deploymentId.equals(stage.deploymentId())) {
                stages.add(stage);
            }
        }
        return Shapes.items(stages, this::stageShape);
    }

    /** {@code GetStage}. */
    @GET
    @Path("{restApiId}/stages/{stageName}")
    public String getStage(@PathParam("restApiId") String restApiId, @PathParam("stageName") String stageName) {
        checkApi(restApiId);
        return stageShape(stage(stageName)).build().toString();
    }

    /** {@code UpdateStage}: {@code patchOperations}, served from the next request on and kept. */
    @PATCH
    @Path("{restApiId}/stages/{stageName}")
    public String updateStage(@PathParam("restApiId") String restApiId, @PathParam("stageName") String stageName,
            String body) {
        checkApi(restApiId);
        stage(stageName);
        List<JsonObject> operations = patchOperations(body);
        LiveStage changed;
        try {
            changed = admin.stages().update(stageName,
                    current -> StagePatch.apply(current, operations, System.currentTimeMillis(), methods()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new ApiException(500, "InternalFailure", "The change could not be kept: " + e.getMessage());
        }
        if (changed == null) {
            throw ApiException.notFound("Invalid stage identifier specified");
        }
        return stageShape(changed).build().toString();
    }

    /**
     * {@code GetResources}: every resource of the stage-independent API's own deployment, each path prefix of a
     * method's resource path, with its methods; ids are those {@code $context.resourceId} carries.
     */
    @GET
    @Path("{restApiId}/resources")
    public String getResources(@PathParam("restApiId") String restApiId) {
        checkApi(restApiId);
        return Shapes.resources(admin.api().operations());
    }

    /** {@code FlushStageCache}. */
    @DELETE
    @Path("{restApiId}/stages/{stageName}/cache/data")
    public Response flushStageCache(@PathParam("restApiId") String restApiId,
            @PathParam("stageName") String stageName) {
        checkApi(restApiId);
        stage(stageName);
        if (!admin.flushStageCache(stageName)) {
            throw ApiException.badRequest("Cache cluster is not enabled for stage " + stageName);
        }
        return Response.accepted().build();
    }

    /** Every {@code /path/METHOD} of every deployment served: what method settings may name. */
    private java.util.Set<String> methods() {
        java.util.Set<String> methods = new java.util.HashSet<>();
        admin.deployments().values().forEach(d -> d.api().operations()
                .forEach(op -> methods.add(op.resourcePath() + "/" + op.httpMethod())));
        return methods;
    }

    private jakarta.json.JsonObjectBuilder stageShape(LiveStage stage) {
        return Shapes.stage(stage, admin.hasStageCache(stage.name()), null);
    }

    private LiveStage stage(String name) {
        LiveStage stage = admin.stages().stage(name);
        if (stage == null) {
            throw ApiException.notFound("Invalid stage identifier specified");
        }
        return stage;
    }

    private void checkApi(String restApiId) {
        if (!admin.identity().apiId().equals(restApiId)) {
            throw ApiException.notFound("Invalid API identifier specified " + admin.identity().accountId() + ":"
                    + restApiId);
        }
    }

    private static List<JsonObject> patchOperations(String body) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(body == null || body.isBlank() ? "{}" : body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw ApiException.badRequest("Invalid JSON body: " + e.getMessage());
        }
        JsonValue ops = json.get("patchOperations");
        if (ops == null) {
            return List.of();
        }
        if (!(ops instanceof JsonArray array)) {
            throw ApiException.badRequest("patchOperations must be a list");
        }
        List<JsonObject> operations = new ArrayList<>();
        for (JsonValue op : array) {
            if (!(op instanceof JsonObject object)) {
                throw ApiException.badRequest("Each patch operation must be an object");
            }
            operations.add(object);
        }
        return operations;
    }
}
