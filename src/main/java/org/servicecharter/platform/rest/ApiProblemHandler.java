package org.servicecharter.platform.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.servicecharter.platform.Refusal;
import org.servicecharter.platform.Refusals;
import org.servicecharter.platform.Rejected;
import org.servicecharter.platform.Rejected.FieldError;
import org.servicecharter.platform.web.RequestSizeLimitFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error of the application's API as an RFC 7807 problem; a refusal ({@link Refusal}) answered as
 * {@link Refusals} says, the same as the engine REST APIs. Field errors are listed under {@code fieldErrors} (field →
 * why) and {@code errors} (a list), so a client can show each next to its input.
 */
@RestControllerAdvice
class ApiProblemHandler extends ResponseEntityExceptionHandler {

    /**
     * Every error of a controller: a refusal ({@link Refusals#find}, the same as the engine REST APIs answer, wherever
     * the engine wrapped it; an engine refusal at the top too: not allowed, a suspended procedure, a lost race, bad
     * input); else 503 when the database is unreachable (nothing was written), 500 otherwise.
     */
    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<ProblemDetail> unexpected(RuntimeException e) {
        Refusal refusal = Refusals.find(e);
        if (refusal == null) {
            refusal = Refusals.engine(e);
        }
        if (refusal != null) {
            return ResponseEntity.status(refusal.status()).body(problem(refusal));
        }
        if (DatabaseUnavailable.isCause(e)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.MESSAGE);
            problem.setTitle("Database unavailable");
            problem.setProperty("message", DatabaseUnavailable.MESSAGE);
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
        }
        logger.error("Unexpected error", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side; nothing was changed.");
        problem.setProperty("message", problem.getDetail());
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors().forEach(error ->
                errors.add(new FieldError(error.getField(), error.getDefaultMessage())));
        return ResponseEntity.badRequest().body(problem(Rejected.fields(errors)));
    }

    /** A file upload larger than its limit (the container counts it, also when sent chunked). */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return tooLarge(RequestSizeLimitFilter.refusal(servletRequest(request)));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        RequestSizeLimitFilter.BodyTooLargeException tooLarge = RequestSizeLimitFilter.tooLarge(ex);
        if (tooLarge != null) {
            return tooLarge(tooLarge.getMessage());
        }
        Rejected rejected;
        Throwable cause = ex.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            rejected = new Rejected("Unknown field '" + unknown.getPropertyName() + "'.",
                    List.of(new FieldError(unknown.getPropertyName(), "is not a known field")));
        } else if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(mapping.getPath().size() - 1).getFieldName();
            rejected = new Rejected("Field '" + field + "' has the wrong type.", List.of(new FieldError(field, "has the wrong type")));
        } else {
            rejected = new Rejected("The body is not valid JSON.");
        }
        ProblemDetail problem = problem(rejected);
        problem.setTitle("Unreadable request body");
        return ResponseEntity.badRequest().body(problem);
    }

    private static ResponseEntity<Object> tooLarge(String refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PAYLOAD_TOO_LARGE, refusal);
        problem.setTitle("Request too large");
        problem.setProperty("message", refusal);
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
    }

    private static HttpServletRequest servletRequest(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
    }

    /**
     * A refusal as an RFC 7807 problem: {@code detail} is the sentence, and the fields of {@link Refusals#body} —
     * {@code status}, {@code title}, {@code message}, and for {@link Rejected} {@code fieldErrors} and {@code errors}
     * — are the same as the engine REST APIs answer.
     */
    static ProblemDetail problem(Refusal refusal) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status()), refusal.getMessage());
        Refusals.body(refusal).forEach((name, value) -> {
            if (name.equals("title")) {
                problem.setTitle((String) value);
            } else if (!name.equals("status")) {
                problem.setProperty(name, value);
            }
        });
        return problem;
    }
}
