package org.servicecharter.complaint;

import org.servicecharter.identity.FeatureFilters;
import org.servicecharter.identity.Roles;
import org.servicecharter.identity.TasklistFilters;
import org.springframework.stereotype.Component;

/**
 * The queue supervisors and managers answer for: "Agents' open complaints" — every open complaint task offered to the
 * agents, claimed or not, most urgent first in Tasklist's due-date order — from which they re-route (their
 * TASK_ASSIGN on complaint handling, {@link ComplaintGrants}). Agents do not see it: their own work is in "My tasks"
 * and "My group's tasks".
 */
@Component
class ComplaintFilters implements FeatureFilters {

    static final String AGENTS_OPEN_COMPLAINTS = "Agents' open complaints";

    @Override
    public void create(TasklistFilters filters) {
        filters.shared(AGENTS_OPEN_COMPLAINTS, 4, "Every open complaint offered to the agents, claimed or not",
                filters.newQuery().processDefinitionKey(ComplaintProcess.PROCESS_KEY).taskCandidateGroup(Roles.AGENTS)
                        .includeAssignedTasks(),
                Roles.SUPERVISORS, Roles.MANAGERS);
    }
}
