package com.example.todos;

import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.io.StringReader;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** A to-do list kept in memory: one instance for the application, so every request sees the same list. */
@Singleton
@Path("/todos")
@Produces(MediaType.APPLICATION_JSON)
public class TodoResource {

    private final Map<Long, Todo> todos = new ConcurrentSkipListMap<>();
    private final AtomicLong ids = new AtomicLong();

    @GET
    public String list() {
        JsonArrayBuilder all = Json.createArrayBuilder();
        todos.values().forEach(todo -> all.add(todo.json()));
        return all.build().toString();
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") long id) {
        Todo todo = todos.get(id);
        return todo == null ? notFound(id) : Response.ok(todo.json().toString()).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body, @Context UriInfo uri) {
        JsonObject json;
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            json = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            return error(Response.Status.BAD_REQUEST, "the body is not a JSON object");
        }
        if (json.get("title") == null || json.get("title").getValueType() != JsonValue.ValueType.STRING
                || json.getString("title").isBlank()) {
            return error(Response.Status.BAD_REQUEST, "a todo needs a title");
        }
        long id = ids.incrementAndGet();
        Todo todo = new Todo(id, json.getString("title"), json.getBoolean("done", false));
        todos.put(id, todo);
        return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(id)).build())
                .entity(todo.json().toString()).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") long id) {
        return todos.remove(id) == null ? notFound(id) : Response.noContent().build();
    }

    private static Response notFound(long id) {
        return error(Response.Status.NOT_FOUND, "no todo " + id);
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString()).build();
    }

    private record Todo(long id, String title, boolean done) {
        JsonObject json() {
            return Json.createObjectBuilder().add("id", id).add("title", title).add("done", done).build();
        }
    }
}
