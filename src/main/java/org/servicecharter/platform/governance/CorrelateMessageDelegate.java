package org.servicecharter.platform.governance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ExecutionQuery;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.stereotype.Component;

/**
 * Sends a BPMN message from one model to another, everything named in the sending model (so that two models meet in
 * BPMN and no Java class knows both): a service task {@code camunda:delegateExpression="${correlateMessageDelegate}"}
 * with these input parameters —
 * <ul>
 * <li>{@value #MESSAGE}: the message's name, as the receiving model declares it;</li>
 * <li>{@value #CORRELATION_VARIABLE} and {@value #CORRELATION_VALUE} (optional): deliver it to the instance waiting for
 * it whose variable has this value (else, with {@value #BUSINESS_KEY}, the one with that business key);</li>
 * <li>{@value #OTHERWISE_START} (optional): the name of a start message to send when no instance waits for
 * {@value #MESSAGE}; it starts the receiving model with {@value #BUSINESS_KEY};</li>
 * <li>{@value #PAYLOAD_PREFIX}{@code <name>}: each variable the message carries, named as the receiving model reads it.</li>
 * </ul>
 * Without {@value #OTHERWISE_START}, a message nobody waits for is the engine's refusal (nothing is sent, the step
 * rolls back). It runs in the sender's transaction: what the receiver's first steps refuse rolls the sender back too.
 */
@ModelCallable
@Component("correlateMessageDelegate")
public class CorrelateMessageDelegate implements JavaDelegate {

    static final String MESSAGE = "message";
    static final String CORRELATION_VARIABLE = "correlationVariable";
    static final String CORRELATION_VALUE = "correlationValue";
    static final String OTHERWISE_START = "otherwiseStart";
    static final String BUSINESS_KEY = "businessKey";
    static final String PAYLOAD_PREFIX = "payload.";

    @Override
    public void execute(DelegateExecution execution) {
        String message = text(execution.getVariableLocal(MESSAGE));
        if (message == null) {
            throw new ModelDefectException("The step " + execution.getCurrentActivityId()
                    + " sends a message without naming it: give the input parameter " + MESSAGE + ".");
        }
        String correlationVariable = text(execution.getVariableLocal(CORRELATION_VARIABLE));
        Object correlationValue = execution.getVariableLocal(CORRELATION_VALUE);
        String businessKey = text(execution.getVariableLocal(BUSINESS_KEY));
        String otherwiseStart = text(execution.getVariableLocal(OTHERWISE_START));
        Map<String, Object> payload = new LinkedHashMap<>();
        execution.getVariableNamesLocal().stream().filter(name -> name.startsWith(PAYLOAD_PREFIX)).sorted()
                .forEach(name -> payload.put(name.substring(PAYLOAD_PREFIX.length()), execution.getVariableLocal(name)));

        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        if (otherwiseStart != null) {
            List<Execution> waiting = waiting(runtimeService, message, correlationVariable, correlationValue, businessKey);
            if (waiting.isEmpty()) {
                MessageCorrelationBuilder start = runtimeService.createMessageCorrelation(otherwiseStart).setVariables(payload);
                if (businessKey != null) {
                    start.processInstanceBusinessKey(businessKey);
                }
                start.correlateStartMessage();
                return;
            }
            runtimeService.createMessageCorrelation(message).processInstanceId(waiting.get(0).getProcessInstanceId())
                    .setVariables(payload).correlateWithResult();
            return;
        }
        MessageCorrelationBuilder correlation = runtimeService.createMessageCorrelation(message).setVariables(payload);
        if (correlationVariable != null) {
            correlation.processInstanceVariableEquals(correlationVariable, correlationValue);
        } else if (businessKey != null) {
            correlation.processInstanceBusinessKey(businessKey);
        }
        correlation.correlateWithResult();
    }

    /** The executions waiting for the message, of the instance the correlation names (none for an empty value). */
    private static List<Execution> waiting(RuntimeService runtimeService, String message, String correlationVariable,
            Object correlationValue, String businessKey) {
        ExecutionQuery query = runtimeService.createExecutionQuery().messageEventSubscriptionName(message);
        if (correlationVariable != null) {
            if (correlationValue == null || correlationValue instanceof String text && text.isBlank()) {
                return List.of();
            }
            query.processVariableValueEquals(correlationVariable, correlationValue);
        } else if (businessKey != null) {
            query.processInstanceBusinessKey(businessKey);
        }
        return query.list();
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
