package org.servicecharter.correctiveaction;

import java.util.List;

import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** The corrective-action variable that names an employee: the one the case concerns (for the audit's "employee involved"). */
@Component
public class CorrectiveActionVariables implements ProcessVariables {

    @Override
    public List<String> employees() {
        return List.of(CorrectiveActionProcess.VAR_EMPLOYEE);
    }
}
