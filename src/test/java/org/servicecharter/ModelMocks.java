package org.servicecharter;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.function.Consumer;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.servicecharter.identity.StaffNames;

/**
 * The application's beans as the fast model tests ({@code *ModelTests}) see them: Mockito mocks registered under the
 * names the models call ({@code camunda:delegateExpression="${registerComplaintDelegate}"},
 * {@code ${complaintSla.dueIn(slaDuration)}}) with Camunda's {@link Mocks}, resolved by the
 * {@link ModelTestExpressionManager} of the fast engine ({@link ModelEngine}). A test registers what its model calls
 * in {@code @BeforeEach} and {@link #reset()}s after.
 */
public final class ModelMocks {

    private ModelMocks() {
    }

    /** A delegate that does nothing but be called. */
    public static JavaDelegate delegate(String name) {
        return bean(name, JavaDelegate.class);
    }

    /** A delegate whose only effect is what the model needs from it (the variables the real one would set). */
    public static JavaDelegate delegate(String name, Consumer<DelegateExecution> effect) {
        JavaDelegate delegate = delegate(name);
        try {
            doAnswer(invocation -> {
                effect.accept(invocation.getArgument(0));
                return null;
            }).when(delegate).execute(any());
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible);
        }
        return delegate;
    }

    public static TaskListener taskListener(String name) {
        return bean(name, TaskListener.class);
    }

    /** A mock of a bean the model calls methods on; stub the methods the model calls. */
    public static <T> T bean(String name, Class<T> type) {
        T bean = mock(type);
        Mocks.register(name, bean);
        return bean;
    }

    /**
     * The names the forms show ({@code ${staffNames.name(employee)}}), as a mock that names everyone "Name of " and
     * their id, so a test sees which person's name the model asked for.
     */
    public static StaffNames staffNames() {
        StaffNames names = bean("staffNames", StaffNames.class);
        when(names.name(anyString())).thenAnswer(invocation -> "Name of " + invocation.getArgument(0));
        return names;
    }

    public static void reset() {
        Mocks.reset();
    }
}
