package org.servicecharter.platform.governance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

/**
 * "Models are data, not code", checked when a deployment arrives: every expression in every BPMN and DMN file is
 * parsed and may only read variables, use the engine's functions and call the methods published for models
 * ({@link ModelCallable}); no engine object, no other bean, no method or bean property of a value, no reflection. Also
 * refused: {@code camunda:class} (and form-handler / variable-mapping / form-field-validator classes) naming anything
 * but a published class, {@code camunda:type} "shell" and "mail", scripts in any form, DMN in a language other than
 * FEEL or JUEL, FEEL external (Java) functions, and CMMN.
 *
 * <p>Camunda's parser reads every {@code camunda:} attribute and element in the old {@code http://activiti.org/bpmn}
 * namespace too, so this check does as well.
 *
 * <p>The same rule holds at run time ({@link SandboxedExpressionManager}); this check only says it early, with the
 * file, the element and the attribute.
 */
@Component
@Order(0)
public class ExpressionCheck implements DeploymentCheck {

    /** The functions the engine (and Spin) register for expressions. */
    static final Set<String> FUNCTIONS = Set.of("currentUser", "currentUserGroups", "now", "dateTime", "S", "XML", "JSON");

    /** Properties that lead to reflection on any value. */
    private static final Set<String> REFLECTIVE_PROPERTIES = Set.of("class", "classLoader", "module", "declaringClass",
            "protectionDomain", "getClass");

    private static final Set<String> CLASS_ATTRIBUTES = Set.of("class", "formHandlerClass", "variableMappingClass");
    /** "external" and the Java mapping's "{", whatever comments stand between them and before them. */
    private static final Pattern FEEL_EXTERNAL_BODY = Pattern.compile("\\bexternal(\\s|/\\*.*?\\*/|//[^\\n]*)*\\{",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern FEEL_EXTERNAL_FUNCTION = Pattern.compile("function\\s*\\([^)]*\\)\\s*external",
            Pattern.CASE_INSENSITIVE);
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    /** The engine reads every camunda: attribute and element in this namespace too (Camunda's Activiti heritage). */
    private static final String ACTIVITI_NS = "http://activiti.org/bpmn";
    private static final String DMN_CAMUNDA_NS = "http://camunda.org/schema/1.0/dmn";

    /** Said once per refusal, at its end, rather than in every problem ({@link ModelGatePlugin}). */
    static final String PUBLISHED_AT_THE_END = "the beans and methods published for models, listed at the end";

    private final ModelBeans beans;

    public ExpressionCheck(ModelBeans beans) {
        this.beans = beans;
    }

    @Override
    public List<ModelProblem> check(DeploymentContents deployment) {
        List<ModelProblem> problems = new ArrayList<>();
        for (String name : deployment.names()) {
            if (DeploymentContents.isCmmn(name)) {
                problems.add(ModelProblem.of(name, "CMMN case models are not supported here; model the procedure in BPMN."));
            } else if (DeploymentContents.isBpmn(name) || DeploymentContents.isDmn(name)) {
                Document document = parse(deployment.bytes(name));
                if (document != null) {
                    Walk walk = new Walk(name, DeploymentContents.isDmn(name), problems);
                    try {
                        walk.element(document.getDocumentElement(), null, null);
                    } catch (StackOverflowError e) {
                        problems.add(ModelProblem.of(name, "the model is nested too deeply to be checked; flatten it"));
                    }
                }
            }
        }
        return problems;
    }

    /** Problems of one expression text (may hold several {@code ${}} parts), or none. */
    List<String> expressionProblems(String text, String process) {
        List<String> problems = new ArrayList<>();
        Node root;
        try {
            root = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text).getRoot();
        } catch (TreeBuilderException e) {
            problems.add("'" + text + "' is not a valid expression (" + e.getMessage() + ")");
            return problems;
        }
        node(root, process, problems);
        return problems;
    }

    private void node(Node node, String process, List<String> problems) {
        if (node instanceof AstIdentifier identifier) {
            identifier(identifier.getName(), process, problems);
            return;
        }
        if (node instanceof AstMethod method) {
            method(method, process, problems);
            return;
        }
        if (node instanceof AstProperty property) {
            String name = propertyName(property);
            Node base = property.getChild(0);
            if (name != null && REFLECTIVE_PROPERTIES.contains(name)) {
                problems.add("reads '" + name + "', which leads to reflection; models may read variables only");
            } else if (base instanceof AstIdentifier identifier && beans.isPublished(identifier.getName())) {
                problems.add("reads a property of the bean '" + identifier.getName() + "'; call one of its published methods"
                        + " instead (" + PUBLISHED_AT_THE_END + ")");
                return;
            }
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            problems.add("calls the function '" + function.getName() + "()', which does not exist for models; the functions"
                    + " are " + String.join("(), ", FUNCTIONS.stream().sorted().toList()) + "()");
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            node(node.getChild(i), process, problems);
        }
    }

    private void identifier(String name, String process, List<String> problems) {
        if (SandboxedExpressionManager.ENGINE_OBJECTS.contains(name)) {
            problems.add("uses '" + name + "', the engine's own object, which models may not use; read process variables"
                    + " by name instead");
        } else if (beans.isUnpublishedBean(name)) {
            problems.add("names '" + name + "', an application bean that is not published for models (if it is meant as a"
                    + " process variable, rename the variable); models may use: " + PUBLISHED_AT_THE_END);
        } else if (beans.isPublished(name) && !beans.published().get(name).usableIn(process)) {
            problems.add(boundElsewhere(name, beans.published().get(name).processes(), process));
        }
    }

    static String boundElsewhere(String name, java.util.Set<String> processes, String process) {
        return "'" + name + "' belongs to the procedure" + (processes.size() == 1 ? " " : "s ")
                + String.join(", ", processes.stream().sorted().toList()) + " and writes its records; "
                + (process == null ? "a decision or filter" : "the model '" + process + "'") + " may not use it";
    }

    private void method(AstMethod method, String process, List<String> problems) {
        AstProperty property = (AstProperty) method.getChild(0);
        String name = propertyName(property);
        Node base = property.getChild(0);
        boolean onBean = base instanceof AstIdentifier identifier && beans.isPublished(identifier.getName());
        boolean allowed = name != null && (onBean
                ? beans.published().get(((AstIdentifier) base).getName()).methods().contains(name)
                : ValueMethods.anyValueMayOffer(name));
        boolean forbiddenBase = base instanceof AstIdentifier identifier
                && (SandboxedExpressionManager.ENGINE_OBJECTS.contains(identifier.getName())
                        || beans.isUnpublishedBean(identifier.getName()));
        if (forbiddenBase) {
            identifier(((AstIdentifier) base).getName(), process, problems);
        } else if (!allowed) {
            String on = base instanceof AstIdentifier identifier ? "'" + identifier.getName() + "'" : "a value";
            problems.add("calls '" + (name == null ? "a computed method" : name) + "' on " + on + "; models may call only"
                    + " the reading and date methods of values (README, \"Models are data\") and the methods published for"
                    + " models: " + PUBLISHED_AT_THE_END);
        }
        if (!(base instanceof AstIdentifier)) {
            node(base, process, problems);
        }
        node(method.getChild(1), process, problems);
    }

    private static String propertyName(AstProperty property) {
        if (property instanceof AstDot) {
            return property.toString().substring(2);
        }
        if (property instanceof AstBracket && property.getChild(1) instanceof AstString literal) {
            return String.valueOf(literal.eval(null, null));
        }
        return null;
    }

    private static boolean hasExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static Document parse(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            return null; // the engine's own parser answers for XML that does not parse
        }
    }

    /** One file's elements, with the nearest id for each problem. */
    private final class Walk {
        private final String resource;
        private final boolean dmn;
        private final List<ModelProblem> problems;

        Walk(String resource, boolean dmn, List<ModelProblem> problems) {
            this.resource = resource;
            this.dmn = dmn;
            this.problems = problems;
        }

        void element(Element element, String nearestId, String process) {
            String local = element.getLocalName();
            String ns = element.getNamespaceURI();
            if (ns != null && (ns.contains("/DI") || ns.contains("/DD/") || ns.contains("dmndi"))) {
                return; // diagram layout
            }
            if ("documentation".equals(local) || "description".equals(local)) {
                return;
            }
            String id = element.getAttribute("id");
            String here = id.isEmpty() ? nearestId : id;
            if (!dmn && "process".equals(local)) {
                process = id;
            }
            if (!dmn && ("scriptTask".equals(local) || ("script".equals(local) && isCamunda(ns)))) {
                problems.add(new ModelProblem(resource, here, "<" + element.getTagName() + ">", "scripts are not allowed in"
                        + " models; use a DMN table, an expression or a bean published for models"));
            }
            if (!dmn && "constraint".equals(local) && isCamunda(ns) && "validator".equals(element.getAttribute("name"))) {
                String config = element.getAttribute("config").trim();
                if (!config.isEmpty() && !hasExpression(config) && !beans.isPublishedClass(config)) {
                    problems.add(new ModelProblem(resource, here, element.getTagName() + " 'validator'", "names the class '"
                            + config + "', which is not published for models; use the built-in validators (required, min,"
                            + " max, minlength, maxlength, readonly) or an expression naming one of: " + PUBLISHED_AT_THE_END));
                }
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                attribute(element, (Attr) attributes.item(i), here, process);
            }
            String text = directText(element);
            if (hasExpression(text)) {
                report(here, "<" + element.getTagName() + ">" + nameOf(element), expressionProblems(text.trim(), process));
            }
            if (dmn && "text".equals(local) && (FEEL_EXTERNAL_FUNCTION.matcher(text).find()
                    || FEEL_EXTERNAL_BODY.matcher(text).find())) {
                problems.add(new ModelProblem(resource, here, "<text>", "FEEL external functions call Java, which models may"
                        + " not do; use FEEL's built-in functions"));
            }
            NodeList children = element.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i) instanceof Element child) {
                    element(child, here, process);
                }
            }
        }

        private void attribute(Element element, Attr attribute, String here, String process) {
            String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
            String ns = attribute.getNamespaceURI();
            String value = attribute.getValue();
            boolean camunda = isCamunda(ns) || DMN_CAMUNDA_NS.equals(ns);
            String where = attribute.getName();
            if (camunda && CLASS_ATTRIBUTES.contains(local) && !value.isBlank()) {
                ModelBeans.Published published = beans.publishedClass(value.trim());
                if (published == null) {
                    problems.add(new ModelProblem(resource, here, where, "names the class '" + value.trim() + "', which is"
                            + " not published for models; use camunda:delegateExpression with one of: " + PUBLISHED_AT_THE_END));
                } else if (!published.usableIn(process)) {
                    problems.add(new ModelProblem(resource, here, where,
                            boundElsewhere(published.name(), published.processes(), process)));
                }
            }
            if (!dmn && camunda && "type".equals(local) && !value.isBlank() && !"external".equals(value.trim())) {
                problems.add(new ModelProblem(resource, here, where, "'" + value.trim() + "' runs a command or sends mail"
                        + " from the engine, which models may not do; use camunda:type=\"external\" or"
                        + " camunda:delegateExpression with one of: " + PUBLISHED_AT_THE_END));
            }
            boolean scriptElement = "scriptTask".equals(element.getLocalName()) || "script".equals(element.getLocalName());
            if (!dmn && !scriptElement && ("scriptFormat".equals(local) || "language".equals(local))) {
                problems.add(new ModelProblem(resource, here, where, "scripts are not allowed in models ('" + value + "');"
                        + " use an expression, a DMN table or a bean published for models"));
            }
            if (dmn && "expressionLanguage".equals(local) && !isFeelOrJuel(value)) {
                problems.add(new ModelProblem(resource, here, where, "'" + value + "' is a script language; DMN here is"
                        + " FEEL (or JUEL where FEEL cannot express it)"));
            }
            if (hasExpression(value)) {
                report(here, where, expressionProblems(value, process));
            }
        }

        private void report(String here, String where, List<String> found) {
            found.forEach(message -> problems.add(new ModelProblem(resource, here, where, message)));
        }
    }

    private static boolean isCamunda(String namespace) {
        return CAMUNDA_NS.equals(namespace) || ACTIVITI_NS.equals(namespace);
    }

    private static boolean isFeelOrJuel(String language) {
        String lower = language.trim().toLowerCase(Locale.ROOT);
        return lower.isEmpty() || lower.equals("juel") || lower.contains("feel");
    }

    private static String nameOf(Element element) {
        String name = element.getAttribute("name");
        return name.isEmpty() ? "" : " '" + name + "'";
    }

    private static String directText(Element element) {
        StringBuilder text = new StringBuilder();
        NodeList children = element.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            org.w3c.dom.Node child = children.item(i);
            if (child.getNodeType() == org.w3c.dom.Node.TEXT_NODE || child.getNodeType() == org.w3c.dom.Node.CDATA_SECTION_NODE) {
                text.append(child.getNodeValue());
            }
        }
        return text.toString();
    }
}
