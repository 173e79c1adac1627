package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.impl.cmd.DeleteDeploymentCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByIdsCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteProcessDefinitionsByKeyCmd;
import org.junit.jupiter.api.Test;

/**
 * The engine internals the trail guard reads, read from real command instances: an engine upgrade that renames or
 * retypes one fails here (and the application refuses to start), instead of letting deletes through unchecked.
 */
class EngineInternalsTests {

    @Test
    void theDeleteCommandsStillSayWhatTheyDelete() {
        assertThat(EngineInternals.verify()).hasSize(3);
        assertThat(EngineInternals.deploymentId(new DeleteDeploymentCmd("deployment-1", true, false, false))).isEqualTo("deployment-1");
        assertThat(EngineInternals.processDefinitionIds(new DeleteProcessDefinitionsByIdsCmd(List.of("a:1:x", "b:2:y"), true, false,
                false))).containsExactlyInAnyOrder("a:1:x", "b:2:y");
        assertThat(EngineInternals.processDefinitionKey(new DeleteProcessDefinitionsByKeyCmd("complaint-handling", true, false, false,
                null, false))).isEqualTo("complaint-handling");
    }

    @Test
    void everyRefusedHistoryCommandIsAnEngineCommand() {
        assertThat(TrailGuard.HISTORY_COMMANDS).hasSize(23);
        assertThat(TrailGuard.HISTORY_COMMANDS.keySet())
                .allMatch(org.camunda.bpm.engine.impl.interceptor.Command.class::isAssignableFrom);
    }
}
