package org.servicecharter.handbook;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.handbook.HandbookProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Offers the version's sign-off to every member of the employees group who has no offer yet: at publication
 * everybody, later the employees who joined since. Each offer is recorded once (version, employee); the offered
 * employees' ids become {@code offeredEmployees} (comma-separated, local to the scope), the collection of the
 * multi-instance call activity that follows. Only a version in force (approved, not superseded) is offered: the late
 * joiners' check finds nobody while the version awaits approval. A late joiner gets at least {@code late-joiner-sign-off-within}.
 */
@ModelCallable(processes = {HandbookProcess.PROCESS_KEY, HandbookProcess.EMPLOYEE_PROCESS_KEY})
@Component("offerSignOffDelegate")
public class OfferSignOffDelegate implements JavaDelegate {

    private static final int PAGE = 200;

    private final HandbookRegister register;
    private final HandbookProperties properties;

    public OfferSignOffDelegate(HandbookRegister register, HandbookProperties properties) {
        this.register = register;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        Instant deadline = ((Date) execution.getVariable(VAR_DUE_DATE)).toInstant();
        boolean atPublication = OFFER_SIGN_OFF.equals(execution.getCurrentActivityId());
        Instant due = deadline;
        if (!atPublication) {
            Instant earliest = Instant.now().plus(properties.lateJoinerSignOffWithin());
            due = earliest.isAfter(deadline) ? earliest : deadline;
        }

        List<String> offered = new ArrayList<>();
        if (register.findVersion(version).filter(HandbookRegister.Version::inForce).isEmpty()) {
            // awaiting the head of service's approval (or sent back, withdrawn): nobody is asked to sign yet
            execution.setVariableLocal(VAR_OFFERED_EMPLOYEES, "");
            return;
        }
        for (String employee : members(execution.getProcessEngineServices().getIdentityService())) {
            if (register.recordOffer(version, employee, due, !atPublication)) {
                offered.add(employee);
            }
        }
        execution.setVariableLocal(VAR_OFFERED_EMPLOYEES, String.join(",", offered));
    }

    private List<String> members(IdentityService identityService) {
        List<String> ids = new ArrayList<>();
        for (int first = 0; ; first += PAGE) {
            List<User> page = identityService.createUserQuery().memberOfGroup(properties.employeesGroup())
                    .orderByUserId().asc().listPage(first, PAGE);
            page.forEach(user -> ids.add(user.getId()));
            if (page.size() < PAGE) {
                return ids;
            }
        }
    }
}
