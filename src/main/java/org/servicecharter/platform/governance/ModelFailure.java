package org.servicecharter.platform.governance;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.el.JuelExpression;

/**
 * A request that failed because a model could not run as written — an expression that refers to a variable the
 * request did not provide, an expression that fails ({@code ${'abc'.substring(5)}}), or one the sandbox refused —
 * rather than because the server broke. The engine reports all of these as plain engine errors, which the REST API
 * answers with 500; the mappers answer with {@link #status()} and a sentence that says whose move it is.
 */
public record ModelFailure(int status, String message) {

    private static final String UNKNOWN_PROPERTY = "Unknown property used in expression";

    /** The failure a model caused somewhere in this chain of causes, or {@code null}; the most specific reason wins. */
    public static ModelFailure in(Throwable exception) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = exception; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        for (Throwable cause : chain) {
            if (cause instanceof ModelSandboxException) {
                return new ModelFailure(409, "The procedure's model tried something models may not do (" + cause.getMessage()
                        + "); its process owner must correct the model.");
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof ModelDefectException) {
                return new ModelFailure(409, cause.getMessage() + ".");
            }
        }
        for (Throwable cause : chain) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains(UNKNOWN_PROPERTY)) {
                return new ModelFailure(400, "The procedure needs a value this request did not provide: "
                        + message.substring(message.indexOf(UNKNOWN_PROPERTY)));
            }
        }
        for (Throwable cause : chain) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("Error while evaluating expression") || message.contains("Unknown method used in expression")
                    || raisedByExpression(cause) || cause.getClass().getName().startsWith("org.camunda.feel.")) {
                return new ModelFailure(409, "The procedure's model could not be evaluated (" + message
                        + "); its process owner must correct the model.");
            }
        }
        return null;
    }

    /** The engine wraps what an expression threw ({@code StringIndexOutOfBoundsException}) right where it evaluates it. */
    private static boolean raisedByExpression(Throwable cause) {
        StackTraceElement[] trace = cause.getStackTrace();
        return trace.length > 0 && JuelExpression.class.getName().equals(trace[0].getClassName());
    }
}
