package org.servicecharter.platform.rest;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/** Recognises "the database is not reachable" in an exception's causes, so that it is answered 503, not 500. */
public final class DatabaseUnavailable {

    public static final String MESSAGE = "The database is not reachable at the moment; nothing was changed. Try again shortly.";

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable error) {
        return isCause(error, 0);
    }

    private static boolean isCause(Throwable error, int depth) {
        for (Throwable cause = error; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException) {
                return true;
            }
            if (cause instanceof SQLException sql && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                    || "Connection is closed".equals(sql.getMessage()))) {
                return true; // connection exception class, or a pooled connection the server dropped
            }
            if (cause instanceof TransactionSystemException tx && tx.getOriginalException() != null
                    && isCause(tx.getOriginalException(), depth + 1)) {
                return true;
            }
            for (Throwable suppressed : cause.getSuppressed()) {
                if (isCause(suppressed, depth + 1)) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
