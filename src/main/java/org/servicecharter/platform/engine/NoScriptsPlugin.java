package org.servicecharter.platform.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.servicecharter.platform.Rejected;
import org.springframework.stereotype.Component;

/**
 * No scripts in models, from anyone: a model with a script task, a script listener, a script input/output mapping or a
 * script condition is refused when the engine parses it — at deployment (where the model gate has already said so,
 * naming file, element and attribute) and again whenever the engine loads a deployment into its cache, so a script
 * planted in the database cannot run either. The product's models need none (the
 * logic lives in DMN and Spring beans), and a script deployed through the REST API would run with the engine's
 * rights.
 */
@Component
class NoScriptsPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseRootElement(Element rootElement, List<ProcessDefinitionEntity> processDefinitions) {
                refuseScripts(rootElement);
            }
        });
    }

    static void refuseScripts(Element element) {
        String tag = element.getTagName();
        boolean script = "scriptTask".equals(tag) || "script".equals(tag)
                || (("conditionExpression".equals(tag) || "condition".equals(tag)) && element.attribute("language") != null);
        if (script) {
            String id = element.attribute("id");
            throw new Rejected("Scripts are not allowed in Service Charter models: <" + tag + ">"
                    + (id != null ? " '" + id + "'" : "") + " — use a DMN table, an expression or a bean published for models instead");
        }
        for (Element child : element.elements()) {
            refuseScripts(child);
        }
    }
}
