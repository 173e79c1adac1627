package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Validates the complaint — the one check for both doors: the intake API starts the model without checking, and
 * Tasklist's start form reaches the engine without the API — gives it its reference if it has none, takes the configured service-recovery threshold into it and writes it to the register. Invalid input rolls the start back with a message
 * naming each bad field: nothing is started.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("registerComplaintDelegate")
public class RegisterComplaintDelegate implements JavaDelegate {

    private final ComplaintValidator validator;
    private final ComplaintReferences references;
    private final ComplaintRegister register;
    private final ComplaintProperties properties;
    private final CustomerMessages messages;

    public RegisterComplaintDelegate(ComplaintValidator validator, ComplaintReferences references, ComplaintRegister register,
            ComplaintProperties properties, CustomerMessages messages) {
        this.messages = messages;
        this.validator = validator;
        this.references = references;
        this.register = register;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // the one check of the complaint, for the intake API and Tasklist's start form alike
        ComplaintIntake intake = ComplaintStart.intake(execution);
        validator.check(intake);

        String reference = execution.getProcessBusinessKey();
        if (reference == null || reference.isBlank()) {
            reference = references.next();
            execution.setProcessBusinessKey(reference);
        }
        ComplaintStart.writeBack(execution, intake, reference);
        execution.setVariable(VAR_GOODWILL_PROPOSED, false);
        // the rule for service recovery as configured now, for the whole life of this complaint (whatever a start
        // request sent: the threshold is the department's, not the caller's)
        execution.setVariable(VAR_RECOVERY_THRESHOLD, properties.recoveryThreshold());
        // the survey's window, for the phone call as for the e-mailed link (SendSurveyDelegate sets it again when it sends)
        execution.setVariable(VAR_SURVEY_TIMEOUT, properties.surveyExpiresAfter().toString());
        register.register(reference, execution.getProcessInstanceId(), (String) execution.getVariable(VAR_RECEIVED_BY), intake);
        if (intake.customerEmail() != null && !intake.customerEmail().isBlank()) {
            // the intake form promises it: the reference, to the address given, in the step's own transaction
            messages.send(intake.customerEmail(), "complaint-acknowledgement",
                    Map.of("customerName", intake.customerName(), "reference", reference),
                    "complaint-acknowledgement:" + reference, reference);
        }
    }
}
