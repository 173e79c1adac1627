package org.servicecharter.platform;

import java.util.List;

/** A request whose fields are wrong; answered with 400 and the list of fields. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<ApiProblemHandler.FieldError> fieldErrors;

    public InvalidRequestException(List<ApiProblemHandler.FieldError> fieldErrors) {
        super("The request has " + fieldErrors.size() + " invalid field(s): "
                + String.join(", ", fieldErrors.stream().map(e -> e.field() + " " + e.message()).toList()) + ".");
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<ApiProblemHandler.FieldError> fieldErrors() {
        return fieldErrors;
    }
}
