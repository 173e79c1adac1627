package org.servicecharter.platform.taskrights;

import org.springframework.modulith.NamedInterface;

/**
 * A procedure whose cases are confidential, declared by the feature that owns it (a Spring bean): its tasks are
 * granted per task — who may see and work one case is decided for that case — never per process definition.
 * A model may also declare itself confidential ({@link DefinitionTaskGrants#CONFIDENTIAL}); this declaration cannot be
 * taken back by deploying a model without it. Every other procedure's candidate groups get their task rights on the whole definition instead
 * ({@link DefinitionTaskGrants}).
 */
@NamedInterface("taskrights")
public interface ConfidentialProcedure {

    /** The process definition key of the confidential procedure. */
    String processDefinitionKey();
}
