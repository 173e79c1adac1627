package org.servicecharter.identity;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up without an administrator: the sentence of {@link FirstAdministrator} and what to do, no stack trace. */
public class AdministratorMissingFailureAnalyzer extends AbstractFailureAnalyzer<AdministratorMissingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, AdministratorMissingException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set SERVICECHARTER_ADMIN_USER and SERVICECHARTER_ADMIN_PASSWORD (properties servicecharter.admin.user and "
                        + "servicecharter.admin.password) for this start: that user becomes the first administrator. The "
                        + "password must pass the password policy. The demo users (password = user id) exist only in the "
                        + "quick start (H2, default profile).", cause);
    }
}
