package dev.turnpike.runtime.template;

import java.lang.reflect.InvocationTargetException;
import org.apache.velocity.app.event.InvalidReferenceEventHandler;
import org.apache.velocity.app.event.MethodExceptionEventHandler;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.context.Context;
import org.apache.velocity.runtime.Renderable;
import org.apache.velocity.util.introspection.Info;

/**
 * API Gateway's change to Velocity: a null or undefined value is the empty string wherever it is evaluated, so
 * {@code $missing} prints nothing, {@code $missing == ""} is true and {@code $undefined.foo != ''} is false
 * (SEMANTICS.md §2.1-2.2). Also meters every insertion against the {@link RenderBudget}, and turns an exception
 * thrown by a called method into a render failure (Velocity would otherwise print nothing for it).
 */
final class AwsReferences
        implements InvalidReferenceEventHandler, ReferenceInsertionEventHandler, MethodExceptionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value instanceof Renderable) {
            return value;
        }
        String text = value == null ? "" : String.valueOf(value);
        RenderBudget.current().produced(text.length(), null);
        return text;
    }

    @Override
    public Object invalidGetMethod(Context context, String reference, Object object, String property, Info info) {
        return "";
    }

    @Override
    public boolean invalidSetMethod(Context context, String leftreference, String rightreference, Info info) {
        return false;
    }

    @Override
    public Object invalidMethod(Context context, String reference, Object object, String method, Info info) {
        return "";
    }

    @Override
    public Object methodException(Context context, Class<?> claz, String method, Exception e, Info info) {
        Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        if (cause instanceof RenderBudget.RenderFailure failure) {
            throw failure;
        }
        String detail = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        throw new RenderBudget.RenderFailure(method + "(...) failed: " + detail, info, cause);
    }
}
