package org.servicecharter.platform.governance;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ArtifactFactory;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Installs the run-time half of "models are data": the {@link SandboxedExpressionManager} for every expression the
 * engine evaluates (BPMN, DMN in JUEL, filters), and an artifact factory that instantiates a {@code camunda:class}
 * only if it is a bean class published for models. Not switchable: it binds administrators, old deployments and
 * anything planted in the database alike.
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
    }

    /** {@code camunda:class} names a class; only published delegate and listener beans are handed out. */
    final class PublishedClassesOnly implements ArtifactFactory {
        @Override
        public <T> T getArtifact(Class<T> clazz) {
            if (!modelBeans.isPublishedClass(clazz.getName())) {
                throw new ProcessEngineException("camunda:class '" + clazz.getName() + "' is not published for models;"
                        + " models may use: " + modelBeans.describe());
            }
            try {
                return context.getBean(clazz);
            } catch (NoSuchBeanDefinitionException e) {
                throw new ProcessEngineException("camunda:class '" + clazz.getName() + "' has no bean in the application", e);
            }
        }
    }
}
