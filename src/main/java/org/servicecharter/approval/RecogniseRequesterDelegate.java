package org.servicecharter.approval;

import org.servicecharter.platform.governance.ModelCallable;

import static org.servicecharter.approval.ApprovalProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The approver marked the requester's decision as a good one: a recognition in their file and a message to them. */
@ModelCallable(processes = ApprovalProcess.PROCESS_KEY)
@Component("recogniseRequesterDelegate")
public class RecogniseRequesterDelegate implements JavaDelegate {

    private final ApprovalRecognitions recognitions;

    public RecogniseRequesterDelegate(ApprovalRecognitions recognitions) {
        this.recognitions = recognitions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recognitions.recognise(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_DECIDED_BY),
                (String) execution.getVariable(VAR_RECOGNITION_NOTE), execution.getProcessInstanceId());
    }
}
