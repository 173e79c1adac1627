package org.servicecharter.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Recognises "the database is not reachable" in an exception's causes, so that it is answered 503, not 500. */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "The database is not reachable at the moment; nothing was changed. Try again shortly.";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true; // connection exception class
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
