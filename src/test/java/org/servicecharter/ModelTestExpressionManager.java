package org.servicecharter;

import java.util.List;

import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.el.VariableContextElResolver;
import org.camunda.bpm.engine.impl.el.VariableScopeElResolver;
import org.camunda.bpm.engine.test.mock.MockElResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ArrayELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ListELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.MapELResolver;

/**
 * The expressions of the fast model tests' engine ({@code fast-model-engine.cfg.xml}): process variables, then the
 * mocks a test registered with {@link org.camunda.bpm.engine.test.mock.Mocks} (see {@link ModelMocks}), then
 * properties and methods of plain objects, as the application's engine resolves them.
 *
 * <p>Neither Camunda's default expression manager nor its {@code MockExpressionManager} will do without a process
 * application: both let a list resolver read every property of a list, so the models' output mappings
 * {@code ${decisionResult.singleResult.priority}} fail ("For input string: singleResult", the decision result being a
 * list). Here a list resolves only indices; other properties of a list go to the bean resolver.
 */
public class ModelTestExpressionManager extends JuelExpressionManager {

    @Override
    protected ELResolver createElResolver() {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new VariableScopeElResolver());
        resolver.add(new VariableContextElResolver());
        resolver.add(new MockElResolver());
        resolver.add(new ArrayELResolver());
        resolver.add(new IndexOnlyListELResolver());
        resolver.add(new MapELResolver());
        resolver.add(new BeanELResolver());
        return resolver;
    }

    private static final class IndexOnlyListELResolver extends ListELResolver {

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return isIndex(base, property) ? super.getValue(context, base, property) : null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return isIndex(base, property) ? super.getType(context, base, property) : null;
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return isIndex(base, property) ? super.isReadOnly(context, base, property) : false;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            if (isIndex(base, property)) {
                super.setValue(context, base, property, value);
            }
        }

        private static boolean isIndex(Object base, Object property) {
            return base instanceof List<?> && (property instanceof Number
                    || property instanceof String text && !text.isEmpty() && text.chars().allMatch(Character::isDigit));
        }
    }
}
