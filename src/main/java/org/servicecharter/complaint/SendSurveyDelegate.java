package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the customer a single-use survey link and sets how long the survey stays open. The address and name are the
 * complaints register's, not the process variables.
 */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("sendSurveyDelegate")
public class SendSurveyDelegate implements JavaDelegate {

    private final CustomerMessages messages;
    private final ComplaintProperties properties;
    private final ComplaintRegister register;

    public SendSurveyDelegate(CustomerMessages messages, ComplaintProperties properties, ComplaintRegister register) {
        this.messages = messages;
        this.properties = properties;
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String token = SurveyTokens.newToken();
        String reference = execution.getProcessBusinessKey();
        // the customer's address and name: the register's, as taken at intake, never a variable
        ComplaintRegister.Entry complaint = register.find(reference)
                .orElseThrow(() -> new IllegalStateException("Complaint " + reference + " is not in the register"));
        execution.setVariable(VAR_SURVEY_TOKEN_HASH, SurveyTokens.hash(token));
        // the window the complaint was registered with (set at intake, for the phone call too); older complaints get today's
        java.time.Duration window = execution.getVariable(VAR_SURVEY_TIMEOUT) instanceof String registered
                ? java.time.Duration.parse(registered) : properties.surveyExpiresAfter();
        if (execution.getVariable(VAR_SURVEY_TIMEOUT) == null) {
            execution.setVariable(VAR_SURVEY_TIMEOUT, window.toString());
        }
        String link = properties.publicBaseUrl() + "/survey/" + token;
        // one message: what was agreed, and the single-use survey link (a retried step rolls back the first one)
        messages.send(complaint.customerEmail(), "complaint-resolved", Map.of(
                        "customerName", complaint.customerName(),
                        "reference", reference,
                        "resolution", complaint.resolution() == null ? "" : complaint.resolution(),
                        "surveyLink", link,
                        "surveyDays", window.toDays()),
                "complaint-resolved:" + reference + ":" + execution.getId() + ":" + SurveyTokens.hash(token).substring(0, 16),
                reference);
    }
}
