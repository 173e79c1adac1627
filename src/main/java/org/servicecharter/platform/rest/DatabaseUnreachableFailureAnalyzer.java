package org.servicecharter.platform.rest;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Start-up without a reachable database: one clear sentence (and exit code 1) instead of a wall of stack traces. */
public class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<Exception> {

    private final Environment environment;

    public DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Exception cause) {
        if (!DatabaseUnavailable.isCause(rootFailure)) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(not set)");
        return new FailureAnalysis("Service Charter cannot reach its database at " + url + ".",
                "Check that the database server is running and reachable, and the connection settings "
                        + "(profile postgres: DB_URL, DB_USER, DB_PASSWORD).", rootFailure);
    }
}
