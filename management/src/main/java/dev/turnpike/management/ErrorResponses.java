package dev.turnpike.management;

import jakarta.json.Json;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.UUID;

/**
 * The one place management errors are rendered: AWS's status, {@code {"message": ...}} and
 * {@code x-amzn-ErrorType}, never a stack trace.
 */
final class ErrorResponses implements ExceptionMapper<Throwable> {

    private static final System.Logger LOG = System.getLogger(ErrorResponses.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof ApiException e) {
            return render(e.status(), e.errorType(), e.getMessage());
        }
        if (failure instanceof NotFoundException || failure instanceof NotAllowedException) {
            return render(404, "UnknownOperationException", "No operation is served at this path and method");
        }
        if (failure instanceof WebApplicationException e && e.getResponse().getStatus() < 500) {
            return render(400, "BadRequestException", "Invalid request: " + e.getMessage());
        }
        LOG.log(System.Logger.Level.ERROR, "management call failed", failure);
        return render(500, "InternalFailure", "Internal server error");
    }

    static Response render(int status, String errorType, String message) {
        return Response.status(status)
                .header("x-amzn-ErrorType", errorType)
                .header("x-amzn-RequestId", UUID.randomUUID().toString())
                .type("application/json")
                .entity(Json.createObjectBuilder().add("message", message).build().toString())
                .build();
    }
}
