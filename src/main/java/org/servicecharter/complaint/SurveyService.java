package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Execution;
import org.servicecharter.platform.Gone;
import org.servicecharter.platform.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's survey: open while the complaint waits for it, gone once answered or expired. */
@Service
public class SurveyService {

    public enum State { OPEN, GONE, UNKNOWN }

    private static final String NO_SURVEY = "There is no survey for this link.";
    private static final String ALREADY_ANSWERED = "This survey has already been answered or has expired. Thank you.";

    public record OpenSurvey(String reference, String customerName) {
    }

    private final RuntimeService runtimeService;
    private final HistoryService historyService;

    public SurveyService(RuntimeService runtimeService, HistoryService historyService) {
        this.runtimeService = runtimeService;
        this.historyService = historyService;
    }

    public State state(String token) {
        if (!SurveyTokens.wellFormed(token)) {
            return State.UNKNOWN;
        }
        String hash = SurveyTokens.hash(token);
        if (waitingExecution(hash) != null) {
            return State.OPEN;
        }
        return issued(hash) ? State.GONE : State.UNKNOWN;
    }

    /** Whether a complaint ever sent a survey with this token (its hash stays in the history). */
    private boolean issued(String hash) {
        return historyService.createHistoricVariableInstanceQuery().variableValueEquals(VAR_SURVEY_TOKEN_HASH, hash).count() > 0;
    }

    /** The survey's complaint, or 404/410 when the token is unknown or already used/expired. */
    public OpenSurvey open(String token) {
        requireOpen(token);
        Execution execution = waitingExecution(SurveyTokens.hash(token));
        Map<String, Object> vars = runtimeService.getVariables(execution.getProcessInstanceId());
        return new OpenSurvey((String) vars.get(VAR_REFERENCE), (String) vars.get(VAR_CUSTOMER_NAME));
    }

    /** An answer that says nothing about whether the issue is resolved counts as resolved. */
    public void answer(String token, int rating, String comment) {
        answer(token, rating, comment, true);
    }

    /**
     * Hands the customer's answer to the complaint, which records it and closes — or, for a rating at or below the
     * complaint's recovery threshold or an issue not {@code resolved}, reopens for service recovery. The message is
     * correlated straight to the instance waiting with this token's hash (404 when no complaint ever had this link, 410
     * when it has been answered or has expired, including when that happens in between).
     */
    @Transactional
    public void answer(String token, int rating, String comment, boolean resolved) {
        if (!SurveyTokens.wellFormed(token)) {
            throw new NotFound(NO_SURVEY);
        }
        String hash = SurveyTokens.hash(token);
        var correlation = runtimeService.createMessageCorrelation(MESSAGE_SURVEY_ANSWERED)
                .processInstanceVariableEquals(VAR_SURVEY_TOKEN_HASH, hash)
                .setVariable(VAR_SURVEY_RATING, rating)
                .setVariable(VAR_SURVEY_RESOLVED, resolved);
        if (comment != null) {
            correlation.setVariable(VAR_SURVEY_COMMENT, comment); // no comment: no variable (a row less per complaint)
        }
        try {
            correlation.correlate();
        } catch (MismatchingMessageCorrelationException | OptimisticLockingException e) {
            // no complaint waits for this answer: never issued, or answered/expired (also in between)
            throw issued(hash) ? new Gone(ALREADY_ANSWERED) : new NotFound(NO_SURVEY);
        }
    }

    private void requireOpen(String token) {
        switch (state(token)) {
            case UNKNOWN -> throw new NotFound(NO_SURVEY);
            case GONE -> throw new Gone(ALREADY_ANSWERED);
            case OPEN -> { }
        }
    }

    private Execution waitingExecution(String hash) {
        return runtimeService.createExecutionQuery()
                .messageEventSubscriptionName(MESSAGE_SURVEY_ANSWERED)
                .processVariableValueEquals(VAR_SURVEY_TOKEN_HASH, hash)
                .singleResult();
    }
}
