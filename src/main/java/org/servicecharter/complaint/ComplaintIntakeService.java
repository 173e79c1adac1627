package org.servicecharter.complaint;

import static org.servicecharter.complaint.ComplaintProcess.*;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.servicecharter.platform.SystemAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Files a complaint: gives it its reference and starts complaint handling with it. The complaint is checked once, by
 * the model's first step ({@link RegisterComplaintDelegate}), which Tasklist's start form goes through too; its
 * {@link org.servicecharter.platform.Rejected} rolls the start back and is answered with every bad field
 * ({@code ApiProblemHandler}).
 *
 * <p>The intake is public: what it takes from an anonymous customer it takes from anyone. Staff who may log complaints
 * (the model's candidate starters: agents, supervisors, managers) file in their own name — the complaint is received by
 * them. Anyone else who happens to be logged in (HR, the head of service, an auditor on the customer page) files as the
 * public does: the complaint is started without a user, so it is neither received by them nor started in their name,
 * and {@link ComplaintProcess#VAR_PUBLIC_INTAKE_SENDER} says in the trail who sent it.
 */
@Service
public class ComplaintIntakeService {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final ComplaintReferences references;

    public ComplaintIntakeService(RuntimeService runtimeService, IdentityService identityService,
            AuthorizationService authorizationService, ComplaintReferences references) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.references = references;
    }

    /** Returns the new complaint's reference (also the process instance's business key). */
    @Transactional
    public String file(ComplaintIntake raw) {
        String reference = references.next();
        Map<String, Object> variables = ComplaintStart.variables(raw.normalized(), reference);
        Authentication sender = identityService.getCurrentAuthentication();
        if (sender == null || sender.getUserId() == null || mayLogComplaints(sender)) {
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables);
            return reference;
        }
        variables.put(VAR_PUBLIC_INTAKE_SENDER, sender.getUserId());
        SystemAccess.run(identityService, () -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, reference, variables));
        return reference;
    }

    /** The engine's own start rule: CREATE on process instances and CREATE_INSTANCE on complaint handling. */
    private boolean mayLogComplaints(Authentication user) {
        return authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(), Permissions.CREATE, Resources.PROCESS_INSTANCE)
                && authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(), ProcessDefinitionPermissions.CREATE_INSTANCE,
                        Resources.PROCESS_DEFINITION, PROCESS_KEY);
    }
}
