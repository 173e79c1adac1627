package org.servicecharter.platform.governance;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.aop.support.AopUtils;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The application beans published for models ({@link ModelCallable}): which names a model may use, which methods it
 * may call on each, and which classes a {@code camunda:class} may name. Read from the Spring context once, on first
 * use (bean definitions are complete by the time the engine evaluates an expression or checks a deployment).
 */
@Component
public class ModelBeans {

    /** A published bean: its class, and the methods a model may call on it. */
    public record Published(String name, Class<?> type, Set<String> methods, boolean wholeClass, Set<String> processes) {

        /** Whether a model of this process (null: not a process, e.g. a decision or a filter) may use the bean. */
        public boolean usableIn(String processKey) {
            return processes.isEmpty() || (processKey != null && processes.contains(processKey));
        }
    }

    private final ApplicationContext context;
    private volatile Map<String, Published> published;

    public ModelBeans(ApplicationContext context) {
        this.context = context;
    }

    /** Bean name to what models may do with it, sorted by name. */
    public Map<String, Published> published() {
        Map<String, Published> result = published;
        if (result == null) {
            result = scan();
            published = result;
        }
        return result;
    }

    public boolean isPublished(String name) {
        return published().containsKey(name);
    }

    /** Whether the name is a bean of the application that models may not use. */
    public boolean isUnpublishedBean(String name) {
        return context.containsBean(name) && !isPublished(name);
    }

    public Object bean(String name) {
        return context.getBean(name);
    }

    /** Whether a model may call the method on this object (a published bean, proxied or not). */
    public boolean mayCall(Object bean, String method) {
        Class<?> type = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
        return published().values().stream().anyMatch(p -> p.type().equals(type) && p.methods().contains(method));
    }

    /** Whether a {@code camunda:class} may name this class: a bean class published as a whole. */
    public boolean isPublishedClass(String className) {
        return publishedClass(className) != null;
    }

    public Published publishedClass(String className) {
        return published().values().stream().filter(p -> p.wholeClass() && p.type().getName().equals(className))
                .findFirst().orElse(null);
    }

    /**
     * "approvalTiers.candidates(), complaintSla.dueIn(), ... and the delegate and listener beans by name" — for messages
     * that tell a process owner what they may use instead.
     */
    public String describe() {
        Set<String> methods = new TreeSet<>();
        published().values().stream().filter(p -> !isDelegate(p.type()))
                .forEach(p -> p.methods().forEach(m -> methods.add(p.name() + "." + m + "()")));
        return String.join(", ", methods) + ", and the delegate and listener beans by name (README, \"Models are data\")";
    }

    private static boolean isDelegate(Class<?> type) {
        return org.camunda.bpm.engine.delegate.JavaDelegate.class.isAssignableFrom(type)
                || org.camunda.bpm.engine.delegate.TaskListener.class.isAssignableFrom(type)
                || org.camunda.bpm.engine.delegate.ExecutionListener.class.isAssignableFrom(type);
    }

    private Map<String, Published> scan() {
        Map<String, Published> found = new TreeMap<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type == null) {
                continue;
            }
            type = ClassUtils.getUserClass(type);
            boolean wholeClass = AnnotatedElementUtils.hasAnnotation(type, ModelCallable.class);
            Set<String> methods = new TreeSet<>();
            for (Method method : type.getDeclaredMethods()) {
                boolean callable = Modifier.isPublic(method.getModifiers()) && !Modifier.isStatic(method.getModifiers())
                        && !method.isSynthetic() && !method.isBridge();
                if (callable && (wholeClass || method.isAnnotationPresent(ModelCallable.class))) {
                    methods.add(method.getName());
                }
            }
            if (wholeClass || !methods.isEmpty()) {
                ModelCallable annotation = AnnotatedElementUtils.findMergedAnnotation(type, ModelCallable.class);
                Set<String> processes = annotation == null ? Set.of() : Set.of(annotation.processes());
                found.put(name, new Published(name, type, Collections.unmodifiableSet(methods), wholeClass, processes));
            }
        }
        return Collections.unmodifiableMap(found);
    }
}
