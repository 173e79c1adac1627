package org.servicecharter.platform.governance;

import org.springframework.modulith.NamedInterface;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * What a model may call. Models are data: an expression in a BPMN or DMN file may read process variables and
 * reach only the application beans published with this annotation — nothing else of the Spring context, and
 * nothing of the engine.
 *
 * <ul>
 * <li>On a bean's class: the bean may be named in a model (a {@code camunda:delegateExpression}, a listener) and
 * its public methods declared by that class may be called from expressions. Such a class may also be named in a
 * {@code camunda:class}.</li>
 * <li>On a method only: the bean may be named in a model, and only its annotated methods may be called.</li>
 * </ul>
 * A bean may be bound to the procedures it was written for ({@link #processes()}).
 * Enforced twice: when a deployment is checked ({@link ExpressionCheck}) and when an expression runs
 * ({@link SandboxedExpressionManager}).
 */
@NamedInterface("models")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ModelCallable {

    /**
     * The process keys whose models may use this bean; empty: any model. A delegate that writes a procedure's
     * records (an HR decision into the employee file) is bound to that procedure, so a process owner's other model
     * cannot call it with variables of its own making.
     */
    String[] processes() default {};
}
