package org.servicecharter.platform.governance;

import java.util.List;

import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidator;
import org.camunda.bpm.engine.impl.form.validator.FormValidators;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.StringUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.servicecharter.platform.Rejected;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs the run-time half of "models are data": the {@link SandboxedExpressionManager} for every expression the
 * engine evaluates (BPMN, DMN in JUEL, filters), and an artifact factory that instantiates a {@code camunda:class}
 * only if it is a bean class published for models. Two classes the engine instantiates itself, past the artifact
 * factory, are held to the same list: a form handler ({@code camunda:formHandlerClass}, instantiated while the model
 * is parsed) and a form field validator ({@code <camunda:constraint name="validator" config="a.Class"/>},
 * instantiated when a form is submitted). Not switchable: it binds administrators, old deployments and anything
 * planted in the database alike.
 */
@Component
public class ModelSandboxPlugin extends AbstractProcessEnginePlugin {

    private final ApplicationContext context;
    private final ModelBeans modelBeans;

    public ModelSandboxPlugin(ApplicationContext context, ModelBeans modelBeans) {
        this.context = context;
        this.modelBeans = modelBeans;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setExpressionManager(new SandboxedExpressionManager(context, modelBeans));
        configuration.setArtifactFactory(new PublishedClassesOnly());
        configuration.setBpmnParseFactory(PublishedFormHandlersOnly::new);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        // the engine has registered its built-in validators (and any custom ones) by now: keep them all
        PublishedValidatorsOnly validators = new PublishedValidatorsOnly();
        configuration.getFormValidators().getValidators().forEach(validators::addValidator);
        configuration.setFormValidators(validators);
    }

    void refuseUnpublished(String what, String className) {
        if (className != null && !modelBeans.isPublishedClass(className.trim())) {
            throw new Rejected(what + " '" + className + "' is not published for models; models may use: "
                    + modelBeans.describe());
        }
    }

    /** The engine's parser, refusing a form handler class that is not published before it instantiates it. */
    final class PublishedFormHandlersOnly extends BpmnParse {
        PublishedFormHandlersOnly(BpmnParser parser) {
            super(parser);
        }

        @Override
        protected void parseStartFormHandlers(List<Element> startEventElements, ProcessDefinitionEntity processDefinition) {
            for (Element startEvent : startEventElements) {
                refuseUnpublished("camunda:formHandlerClass", startEvent.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "formHandlerClass"));
            }
            super.parseStartFormHandlers(startEventElements, processDefinition);
        }

        @Override
        public TaskDefinition parseTaskDefinition(Element taskElement, String taskDefinitionKey, ActivityImpl activity,
                ProcessDefinitionEntity processDefinition) {
            refuseUnpublished("camunda:formHandlerClass", taskElement.attributeNS(CAMUNDA_BPMN_EXTENSIONS_NS, "formHandlerClass"));
            return super.parseTaskDefinition(taskElement, taskDefinitionKey, activity, processDefinition);
        }
    }

    /** Form field validators: a class named in the model only if it is published (the engine would instantiate any). */
    final class PublishedValidatorsOnly extends FormValidators {
        @Override
        public FormFieldValidator createValidator(Element constraint, BpmnParse bpmnParse, ExpressionManager expressionManager) {
            String config = constraint.attribute("config");
            if ("validator".equals(constraint.attribute("name")) && config != null && !config.isBlank()
                    && !StringUtil.isExpression(config)) {
                refuseUnpublished("The form field validator class", config);
            }
            return super.createValidator(constraint, bpmnParse, expressionManager);
        }
    }

    /** {@code camunda:class} names a class; only published delegate and listener beans are handed out. */
    final class PublishedClassesOnly implements ArtifactFactory {
        @Override
        public <T> T getArtifact(Class<T> clazz) {
            ModelBeans.Published published = modelBeans.publishedClass(clazz.getName());
            if (published == null) {
                throw new ProcessEngineException("camunda:class '" + clazz.getName() + "' is not published for models;"
                        + " models may use: " + modelBeans.describe());
            }
            BpmnExecutionContext running = Context.getBpmnExecutionContext();
            String process = SandboxedExpressionManager.processKeyOf(running == null ? null : running.getExecution());
            if (!published.usableIn(process)) {
                throw new ProcessEngineException("camunda:class '" + clazz.getName() + "': "
                        + ExpressionCheck.boundElsewhere(published.name(), published.processes(), process));
            }
            try {
                return context.getBean(clazz);
            } catch (NoSuchBeanDefinitionException e) {
                throw new ProcessEngineException("camunda:class '" + clazz.getName() + "' has no bean in the application", e);
            }
        }
    }
}
