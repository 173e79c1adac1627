package org.servicecharter.platform.governance;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;
import org.springframework.context.ApplicationContext;

/**
 * The engine's expression language with a model's rights only: an expression — in a BPMN attribute, a listener, an
 * input/output mapping, a condition, a timer, a reference, a DMN cell in JUEL, a Tasklist filter — may
 * <ul>
 * <li>read process variables (and {@code authenticatedUserId}) and the engine's functions ({@code currentUser()}, ...);</li>
 * <li>read entries of maps, lists, arrays and a decision's result ({@code decisionResult.singleResult.x});</li>
 * <li>call the reading and date methods of plain values listed in {@link ValueMethods}
 * ({@code dateTime().plusWeeks(1).toDate()});</li>
 * <li>name a bean published for models ({@link ModelCallable}) and call the methods published on it;</li>
 * </ul>
 * and nothing else: not the engine objects ({@code execution}, {@code task}), not any other Spring bean, no other method
 * and no bean property of any value ({@code "".getClass()}, {@code x.class}). Spring's own expression manager resolves
 * every bean by name and lets {@code BeanELResolver} call any method on any value; this one has no such resolver.
 *
 * <p>It is the run-time half of the rule {@link ExpressionCheck} applies at deployment, so a model deployed before
 * the check, or by an administrator, or planted in the database, cannot escape either.
 */
public class SandboxedExpressionManager extends SpringExpressionManager {

    /** Engine objects the stock resolver hands to expressions; each opens the engine's services. */
    static final Set<String> ENGINE_OBJECTS = Set.of(VariableScopeElResolver.EXECUTION_KEY, VariableScopeElResolver.TASK_KEY,
            VariableScopeElResolver.EXTERNAL_TASK_KEY, VariableScopeElResolver.CASE_EXECUTION_KEY);

    private final ModelBeans modelBeans;

    public SandboxedExpressionManager(ApplicationContext applicationContext, ModelBeans modelBeans) {
        super(applicationContext, null);
        this.modelBeans = modelBeans;
    }

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new EngineObjectsRefused());
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new PublishedBeans(modelBeans));
        resolver.add(new DecisionResults());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new ListELResolver(true));
        resolver.add(new MapELResolver(true));
        resolver.add(new PlainValueMethods());
        resolver.add(new EverythingElseRefused(modelBeans));
        return resolver;
    }

    /** The key of the process whose expression this is; null for a decision, a filter or anything without one. */
    static String processKeyOf(Object scope) {
        ExecutionEntity execution = scope instanceof ExecutionEntity e ? e
                : scope instanceof TaskEntity task ? task.getExecution() : null;
        return execution == null || execution.getProcessDefinition() == null ? null : execution.getProcessDefinition().getKey();
    }

    static String typeName(Object base) {
        return base == null ? "null" : base.getClass().getSimpleName();
    }

    /** Base for resolvers that answer only what they handle. */
    public abstract static class NarrowResolver extends ELResolver {
        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return null;
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return Object.class;
        }
    }

    /** {@code execution}, {@code task}, ...: the way to every engine service. */
    static final class EngineObjectsRefused extends NarrowResolver {
        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && ENGINE_OBJECTS.contains(property)) {
                throw new ModelSandboxException("'" + property + "' is the engine's own object, which models may not use;"
                        + " read process variables by name instead");
            }
            return null;
        }
    }

    /** Published beans by name, and calls of their published methods. Other beans' names are refused. */
    static final class PublishedBeans extends NarrowResolver {
        private final ModelBeans beans;
        private final BeanELResolver reflection = new BeanELResolver(true);

        PublishedBeans(ModelBeans beans) {
            this.beans = beans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null && property instanceof String name) {
                if (beans.isPublished(name)) {
                    String process = processKeyOf(context.getContext(VariableScope.class));
                    if (!beans.published().get(name).usableIn(process)) {
                        throw new ModelSandboxException(
                                ExpressionCheck.boundElsewhere(name, beans.published().get(name).processes(), process));
                    }
                    context.setPropertyResolved(true);
                    return beans.bean(name);
                }
                if (beans.isUnpublishedBean(name)) {
                    throw new ModelSandboxException("'" + name + "' is an application bean that is not published for models;"
                            + " models may use: " + beans.describe());
                }
            }
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base != null && method instanceof String name && beans.mayCall(base, name)) {
                return reflection.invoke(context, base, method, paramTypes, params);
            }
            return null;
        }
    }

    /**
     * A decision's result in an output mapping: {@code decisionResult.singleResult.priority} (public: the benchmark's
     * bare engine reads the same models).
     */
    public static final class DecisionResults extends NarrowResolver {
        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (!(base instanceof DmnDecisionResult result) || !(property instanceof String name)) {
                return null;
            }
            Object value = switch (name) {
                case "singleResult" -> result.getSingleResult();
                case "firstResult" -> result.getFirstResult();
                case "resultList" -> result.getResultList();
                case "singleEntry" -> result.getSingleEntry();
                default -> throw new ModelSandboxException("a decision's result offers singleResult, firstResult, resultList"
                        + " and singleEntry; not '" + name + "'");
            };
            context.setPropertyResolved(true);
            return value;
        }
    }

    /** The reading and date methods of plain values ({@link ValueMethods}). */
    static final class PlainValueMethods extends NarrowResolver {
        private final BeanELResolver reflection = new BeanELResolver(true);

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base != null && method instanceof String name && ValueMethods.mayCall(base, name)) {
                return reflection.invoke(context, base, method, paramTypes, params);
            }
            return null;
        }
    }

    /** The last word: a property or method of any other value is refused, with what is allowed instead. */
    static final class EverythingElseRefused extends NarrowResolver {
        private final ModelBeans beans;

        EverythingElseRefused(ModelBeans beans) {
            this.beans = beans;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base != null) {
                throw new ModelSandboxException("models may read entries of maps, lists and decision results only, not '"
                        + property + "' of a " + typeName(base));
            }
            return null;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (base != null) {
                throw new ModelSandboxException("models may not change '" + property + "' of a " + typeName(base));
            }
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            throw new ModelSandboxException("models may not call '" + method + "' on a " + typeName(base)
                    + "; they may call only the reading and date methods of values and the methods published for models: "
                    + beans.describe());
        }
    }
}
