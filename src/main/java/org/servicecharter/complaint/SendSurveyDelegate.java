package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.complaint.ComplaintProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the customer a single-use survey link and sets how long the survey stays open. */
@ModelCallable(processes = ComplaintProcess.PROCESS_KEY)
@Component("sendSurveyDelegate")
public class SendSurveyDelegate implements JavaDelegate {

    private final CustomerMessages messages;
    private final ComplaintProperties properties;

    public SendSurveyDelegate(CustomerMessages messages, ComplaintProperties properties) {
        this.messages = messages;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String token = SurveyTokens.newToken();
        String reference = execution.getProcessBusinessKey();
        execution.setVariable(VAR_SURVEY_TOKEN_HASH, SurveyTokens.hash(token));
        execution.setVariable(VAR_SURVEY_TIMEOUT, properties.surveyExpiresAfter().toString());
        String link = properties.publicBaseUrl() + "/survey/" + token;
        messages.send((String) execution.getVariable(VAR_CUSTOMER_EMAIL),
                "How did we handle your complaint " + reference + "?",
                "Dear " + execution.getVariable(VAR_CUSTOMER_NAME) + ",\n\n"
                        + "your complaint " + reference + " has been resolved. Please tell us how we served you: "
                        + link + "\n\nThe link works once and expires after " + properties.surveyExpiresAfter().toDays()
                        + " days.",
                reference);
    }
}
