package org.servicecharter.complaint;

import static org.assertj.core.api.Assertions.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.servicecharter.complaint.ComplaintCorrectionProcess.*;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.servicecharter.ModelEngine;
import org.servicecharter.ModelMocks;

/**
 * The complaint-correction model on its own, its delegate mocked, no Spring context: the start form's answers and the
 * supervisor who started it reach the correction in one transaction, so a refused correction leaves no instance.
 * {@link ComplaintCorrectionProcessTests} run the same model against the complaints register.
 */
@Deployment(resources = "complaint-correction.bpmn")
class ComplaintCorrectionModelTests {

    @RegisterExtension
    static final ProcessEngineExtension engine = ModelEngine.extension();

    JavaDelegate correctFact;
    /** What the delegate saw when it was called. */
    final Map<String, Object> seen = new HashMap<>();

    @BeforeEach
    void mockTheDelegate() {
        init(engine.getProcessEngine());
        correctFact = ModelMocks.delegate("correctComplaintFactDelegate", execution -> seen.putAll(execution.getVariables()));
    }

    @AfterEach
    void resetMocks() {
        ModelMocks.reset();
        reset();
    }

    @Test
    void theSupervisorsCorrectionIsMadeByTheServiceTaskAndEndsTheProcedure() throws Exception {
        ProcessInstance pi = correct();

        assertThat(pi).isEnded().hasPassedInOrder(START_EVENT, CORRECT_FACT, END_EVENT);
        verify(correctFact).execute(any());
        assertThat(seen).containsEntry(VAR_CORRECTED_BY, "sara")
                .containsEntry(VAR_COMPLAINT_REFERENCE, "C-2026-0001").containsEntry(VAR_CORRECTION, CORRECT_ABOUT_NOBODY)
                .containsEntry(VAR_REASON, "Nobody was named by the customer.");
    }

    @Test
    void aRefusedCorrectionLeavesNoProcedureBehind() throws Exception {
        doThrow(new IllegalStateException("refused")).when(correctFact).execute(any());

        assertThatThrownBy(this::correct).hasMessageContaining("refused");

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY).count()).isZero();
    }

    private ProcessInstance correct() {
        engine.getIdentityService().setAuthenticatedUserId("sara");
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, Map.of(VAR_COMPLAINT_REFERENCE, "C-2026-0001",
                    VAR_CORRECTION, CORRECT_ABOUT_NOBODY, VAR_REASON, "Nobody was named by the customer."));
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
