package org.servicecharter.platform.taskrights;

import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Puts {@link TeamReroute} in the place of the engine's {@link AuthorizationCommandChecker}, so that managers
 * re-route their people's tasks. An engine whose checkers are not the ones this expects fails the start rather than
 * run without it: re-routing would silently fall back to administrators and per-definition grants only.
 */
@Component
public class TeamReroutePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<Teams> teams;
    private final ObjectProvider<CaseSubjects> subjectRules;

    public TeamReroutePlugin(ObjectProvider<Teams> teams, ObjectProvider<CaseSubjects> subjectRules) {
        this.teams = teams;
        this.subjectRules = subjectRules;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandChecker> checkers = configuration.getCommandCheckers();
        for (int i = 0; checkers != null && i < checkers.size(); i++) {
            if (checkers.get(i).getClass() == AuthorizationCommandChecker.class) {
                checkers.set(i, new TeamReroute(teams::getIfAvailable, () -> subjectRules.orderedStream().toList()));
                return;
            }
        }
        throw new IllegalStateException("The process engine has no AuthorizationCommandChecker of its own (command checkers: "
                + checkers + "); managers could not re-route their people's tasks. Revisit"
                + " org.servicecharter.platform.taskrights.TeamReroutePlugin before running this engine.");
    }
}
