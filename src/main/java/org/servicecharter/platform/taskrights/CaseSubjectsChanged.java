package org.servicecharter.platform.taskrights;

import org.springframework.modulith.NamedInterface;

/**
 * Whom a case is about has changed in its feature's register of record (e.g. a supervisor corrected who a complaint is
 * about): the case's open tasks may now be held by, or offered to, someone who must not handle it ({@link CaseSubjects}).
 * A Spring application event, published by the feature inside the transaction that made the change, after the change.
 *
 * @param processDefinitionKey the key of the case's process, as {@link CaseSubjects#processDefinitionKey()}
 * @param processInstanceId the case's process instance
 */
@NamedInterface("taskrights")
public record CaseSubjectsChanged(String processDefinitionKey, String processInstanceId) {
}
