package org.servicecharter.handbook;

import static org.servicecharter.handbook.HandbookProcess.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.servicecharter.platform.governance.ModelCallable;
import org.springframework.stereotype.Component;

/**
 * Records the head of service's decision on a version in the register: approved (who, when; the version is in force
 * from now on and supersedes every older version still in force — their open sign-offs end, unsigned) or sent back
 * (who, when, why; nobody is offered the version).
 */
@ModelCallable(processes = HandbookProcess.PROCESS_KEY)
@Component("recordHandbookApprovalDelegate")
public class RecordHandbookApprovalDelegate implements JavaDelegate {

    private final HandbookRegister register;

    public RecordHandbookApprovalDelegate(HandbookRegister register) {
        this.register = register;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String version = (String) execution.getVariable(VAR_VERSION);
        String decidedBy = (String) execution.getVariable(VAR_APPROVAL_DECIDED_BY);
        if (APPROVAL_APPROVE.equals(execution.getVariable(VAR_APPROVAL_DECISION))) {
            register.markApproved(version, decidedBy);
            supersedeOlderVersions(execution, version);
        } else {
            register.markSentBack(version, decidedBy, (String) execution.getVariable(VAR_SEND_BACK_REASON));
            // the publisher's revision task starts from a blank answer, also the second time round
            execution.removeVariable(VAR_REVISION_DECISION);
        }
    }

    private void supersedeOlderVersions(DelegateExecution execution, String version) {
        RuntimeService runtimeService = execution.getProcessEngineServices().getRuntimeService();
        for (ProcessInstance older : runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .active().list()) {
            if (older.getId().equals(execution.getProcessInstanceId())) {
                continue;
            }
            // only a version in force is superseded; one still awaiting approval keeps waiting
            register.findVersionByProcessInstance(older.getId()).filter(HandbookRegister.Version::inForce).ifPresent(old -> {
                register.markSuperseded(old.version(), version);
                runtimeService.createMessageCorrelation(MESSAGE_SUPERSEDED)
                        .processInstanceId(older.getId())
                        .setVariable(VAR_SUPERSEDED_BY, version)
                        .correlateAll();
            });
        }
    }
}
