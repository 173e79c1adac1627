package org.servicecharter.identity;

/** Start-up without an administrator and without the variables that make the first one ({@link FirstAdministrator}). */
public class AdministratorMissingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AdministratorMissingException(String message) {
        super(message);
    }

    public AdministratorMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
