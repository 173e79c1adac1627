package org.servicecharter.correctiveaction;

import org.servicecharter.platform.taskrights.ConfidentialProcedure;
import org.springframework.stereotype.Component;

/**
 * Corrective action is a personnel matter: each case's tasks are granted to that case's people only (the employee's
 * manager chain, {@link CorrectiveActionAccess}; the candidates of each task), never to a group for every case.
 */
@Component
class CorrectiveActionConfidentiality implements ConfidentialProcedure {

    @Override
    public String processDefinitionKey() {
        return CorrectiveActionProcess.PROCESS_KEY;
    }
}
