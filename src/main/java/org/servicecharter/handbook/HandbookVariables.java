package org.servicecharter.handbook;

import java.util.List;

import org.servicecharter.platform.ProcessVariables;
import org.springframework.stereotype.Component;

/** Handbook sign-off's variable that names an employee: the one signing (for the audit's "employee involved"). */
@Component
public class HandbookVariables implements ProcessVariables {

    @Override
    public List<String> employees() {
        return List.of(HandbookProcess.VAR_EMPLOYEE);
    }
}
