package org.servicecharter.platform.governance;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.springframework.stereotype.Component;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * A deployment is complete or refused: what a model binds to its own deployment is in it, its forms open in Tasklist,
 * and the people it offers work to exist.
 * <ul>
 * <li>{@code camunda:formRef} / {@code camunda:decisionRef} / {@code calledElement} with binding {@code deployment}
 * find a form id / decision id / executable process id among the deployment's {@code .form} / DMN / BPMN files, and a
 * {@code camunda:formKey="camunda-forms:deployment:<file>"} (or {@code embedded:deployment:<file>}) finds that file.
 * The engine accepts such a deployment and fails only when an instance reaches the reference — for the complaint model,
 * every new complaint.</li>
 * <li>The forms are valid ({@link FormCheck}).</li>
 * <li>Literal group and user ids in {@code camunda:candidateGroups}, {@code camunda:candidateUsers},
 * {@code camunda:assignee}, {@code camunda:candidateStarterGroups}, {@code camunda:candidateStarterUsers} and the
 * BPMN {@code humanPerformer} / {@code potentialOwner} / {@code camunda:potentialStarter} assignments exist: a task
 * offered to a group nobody is in is seen by nobody.</li>
 * </ul>
 * References given as expressions ({@code ${...}}) are resolved, and so checked, only when they are evaluated. A file
 * that is not XML is left to the engine's own parser, which refuses it with its reason.
 */
@Component
public class DeploymentCompletenessCheck implements DeploymentCheck {

    static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final Set<String> CAMUNDA_NS = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    private static final String INCLUDE = "(Camunda Modeler: Deploy > Include additional files)";

    @Override
    public List<ModelProblem> check(DeploymentContents deployment) {
        FormCheck.Result forms = FormCheck.check(deployment);
        List<ModelProblem> problems = new ArrayList<>();

        Map<String, Document> bpmn = new LinkedHashMap<>();
        Set<String> decisionIds = new HashSet<>();
        for (String name : deployment.names()) {
            if (DeploymentContents.isBpmn(name)) {
                Document document = parse(deployment.bytes(name));
                if (document != null) {
                    bpmn.put(name, document);
                }
            } else if (DeploymentContents.isDmn(name)) {
                Document document = parse(deployment.bytes(name));
                if (document != null) {
                    for (Element decision : elements(document, e -> "decision".equals(e.getLocalName()))) {
                        decisionIds.add(decision.getAttribute("id"));
                    }
                }
            }
        }
        Set<String> processIds = new HashSet<>();
        bpmn.values().forEach(document -> {
            for (Element process : elements(document, e -> isBpmn(e, "process"))) {
                // a process without isExecutable="true" is not deployed (BpmnParse ignores it in a new deployment)
                if ("true".equalsIgnoreCase(process.getAttribute("isExecutable").trim())) {
                    processIds.add(process.getAttribute("id"));
                }
            }
        });

        People people = new People(deployment.identity());
        for (Map.Entry<String, Document> file : bpmn.entrySet()) {
            String name = file.getKey();
            for (Element element : elements(file.getValue(), e -> true)) {
                references(name, element, deployment, forms, decisionIds, processIds, problems);
                people.check(name, element, problems);
            }
        }
        problems.addAll(forms.problems());
        return problems;
    }

    private static void references(String name, Element element, DeploymentContents deployment, FormCheck.Result forms,
            Set<String> decisionIds, Set<String> processIds, List<ModelProblem> problems) {
        String id = idOf(element);
        String formRef = camunda(element, "formRef");
        if (literal(formRef) && "deployment".equals(camunda(element, "formRefBinding")) && !forms.filesById().containsKey(formRef)) {
            String sameName = formRef + ".form";
            String hint = deployment.names().contains(sameName) ? " (" + sameName + " is attached, but it does not have this id)" : "";
            problems.add(new ModelProblem(name, id, "camunda:formRef", "no form in this deployment has the id '" + formRef + "'"
                    + hint + ". With binding 'deployment' the form must be deployed together with the model: attach " + sameName
                    + " (or whichever form has this id) to the deployment " + INCLUDE));
        }
        String formKey = camunda(element, "formKey");
        if (literal(formKey)) {
            for (String prefix : new String[] {"camunda-forms:deployment:", "embedded:deployment:"}) {
                if (formKey.startsWith(prefix)) {
                    String file = formKey.substring(prefix.length());
                    if (!deployment.names().contains(file)) {
                        problems.add(new ModelProblem(name, id, "camunda:formKey", "the form file '" + file + "' is not in this "
                                + "deployment. A form key '" + prefix + "...' reads it from the same deployment: attach " + file
                                + " to the deployment " + INCLUDE));
                    }
                }
            }
        }
        String decisionRef = camunda(element, "decisionRef");
        if (literal(decisionRef) && "deployment".equals(camunda(element, "decisionRefBinding")) && !decisionIds.contains(decisionRef)) {
            problems.add(new ModelProblem(name, id, "camunda:decisionRef", "no decision with the id '" + decisionRef + "' is in "
                    + "this deployment. With binding 'deployment' the decision must be deployed together with the model: attach "
                    + decisionRef + ".dmn (or whichever DMN file defines this decision) to the deployment " + INCLUDE));
        }
        String calledElement = element.hasAttribute("calledElement") ? element.getAttribute("calledElement") : null;
        if (literal(calledElement) && "deployment".equals(camunda(element, "calledElementBinding"))
                && !processIds.contains(calledElement)) {
            problems.add(new ModelProblem(name, id, "calledElement", "no executable process with the id '" + calledElement
                    + "' is in this deployment. With binding 'deployment' the called process must be deployed together with "
                    + "the model: attach " + calledElement + ".bpmn (or whichever BPMN file defines this process) to the "
                    + "deployment " + INCLUDE));
        }
    }

    /** Group and user look-ups, each asked once per deployment. */
    private static final class People {

        private static final String TASK = "nobody would see this task";
        private static final String STARTERS = "the grant to start this process would reach nobody";

        private final DeploymentContents.Identity identity;
        private final Map<String, Boolean> groups = new HashMap<>();
        private final Map<String, Boolean> users = new HashMap<>();

        People(DeploymentContents.Identity identity) {
            this.identity = identity;
        }

        void check(String name, Element element, List<ModelProblem> problems) {
            String id = idOf(element);
            if (isBpmn(element, "process")) {
                groups(name, id, "camunda:candidateStarterGroups", camunda(element, "candidateStarterGroups"), STARTERS, problems);
                users(name, id, "camunda:candidateStarterUsers", camunda(element, "candidateStarterUsers"), problems);
            }
            if (isBpmn(element, "userTask")) {
                groups(name, id, "camunda:candidateGroups", camunda(element, "candidateGroups"), TASK, problems);
                users(name, id, "camunda:candidateUsers", camunda(element, "candidateUsers"), problems);
                String assignee = camunda(element, "assignee");
                if (literal(assignee) && !assignee.isBlank()) {
                    user(name, id, "camunda:assignee", assignee.trim(), problems);
                }
            }
            if (isBpmn(element, "humanPerformer")) {
                String performer = formalExpression(element);
                if (literal(performer) && !performer.isBlank()) {
                    user(name, idOf(owner(element)), "humanPerformer", performer.trim(), problems);
                }
            }
            boolean potentialOwner = isBpmn(element, "potentialOwner");
            boolean potentialStarter = "potentialStarter".equals(element.getLocalName())
                    && CAMUNDA_NS.contains(element.getNamespaceURI());
            if (potentialOwner || potentialStarter) {
                String owner = idOf(owner(element));
                String attribute = potentialOwner ? "potentialOwner" : "camunda:potentialStarter";
                String consequence = potentialOwner ? TASK : STARTERS;
                for (String part : commaSeparated(formalExpression(element))) {
                    if (part.startsWith("user(") && part.endsWith(")")) {
                        users(name, owner, attribute, part.substring(5, part.length() - 1), problems);
                    } else if (part.startsWith("group(") && part.endsWith(")")) {
                        groups(name, owner, attribute, part.substring(6, part.length() - 1), consequence, problems);
                    } else {
                        groups(name, owner, attribute, part, consequence, problems);
                    }
                }
            }
        }

        private void groups(String name, String id, String attribute, String list, String work, List<ModelProblem> problems) {
            for (String group : commaSeparated(list)) {
                if (literal(group) && !groups.computeIfAbsent(group, identity::groupExists)) {
                    problems.add(new ModelProblem(name, id, attribute, "the group '" + group + "' does not exist, so " + work
                            + ": use the id of an existing group (ids are case-sensitive) or ask an administrator to create it "
                            + "before deploying"));
                }
            }
        }

        private void users(String name, String id, String attribute, String list, List<ModelProblem> problems) {
            for (String user : commaSeparated(list)) {
                user(name, id, attribute, user, problems);
            }
        }

        private void user(String name, String id, String attribute, String user, List<ModelProblem> problems) {
            if (literal(user) && !users.computeIfAbsent(user, identity::userExists)) {
                problems.add(new ModelProblem(name, id, attribute, "the user '" + user + "' does not exist, so the work offered "
                        + "to them would reach nobody: use the id of an existing user (ids are case-sensitive) or a group"));
            }
        }
    }

    /**
     * The parts of a comma-separated list as the engine splits it ({@code BpmnParse.parseCommaSeparatedList}: a comma
     * inside an expression does not split), trimmed, without empty parts.
     */
    static List<String> commaSeparated(String list) {
        List<String> parts = new ArrayList<>();
        if (list == null) {
            return parts;
        }
        StringBuilder part = new StringBuilder();
        boolean insideExpression = false;
        for (char c : list.toCharArray()) {
            if (c == '{' || c == '$') {
                insideExpression = true;
            } else if (c == '}') {
                insideExpression = false;
            } else if (c == ',' && !insideExpression) {
                parts.add(part.toString().trim());
                part.setLength(0);
                continue;
            }
            part.append(c);
        }
        parts.add(part.toString().trim());
        parts.removeIf(String::isEmpty);
        return parts;
    }

    /** A value the engine takes as it stands; an expression is resolved, and so checked, when it is evaluated. */
    static boolean literal(String value) {
        return value != null && !value.isEmpty() && !value.contains("${") && !value.contains("#{");
    }

    private static String camunda(Element element, String attribute) {
        for (String namespace : CAMUNDA_NS) {
            if (element.hasAttributeNS(namespace, attribute)) {
                return element.getAttributeNS(namespace, attribute);
            }
        }
        return null;
    }

    private static boolean isBpmn(Element element, String localName) {
        return localName.equals(element.getLocalName()) && BPMN_NS.equals(element.getNamespaceURI());
    }

    /** The BPMN element an assignment belongs to: the task or process around it (past extensionElements). */
    private static Element owner(Element element) {
        for (Node parent = element.getParentNode(); parent instanceof Element candidate; parent = parent.getParentNode()) {
            if (!"extensionElements".equals(candidate.getLocalName())) {
                return candidate;
            }
        }
        return element;
    }

    private static String idOf(Element element) {
        return element.hasAttribute("id") ? element.getAttribute("id") : element.getLocalName();
    }

    /** The text of the element's resourceAssignmentExpression/formalExpression, or null. */
    private static String formalExpression(Element element) {
        for (Element expression : elements(element, e -> "formalExpression".equals(e.getLocalName()))) {
            return expression.getTextContent();
        }
        return null;
    }

    /** The element and its descendants that match, in document order (without recursion: any depth is fine). */
    private static List<Element> elements(Node root, Predicate<Element> filter) {
        List<Element> found = new ArrayList<>();
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(root instanceof Document document ? document.getDocumentElement() : root);
        while (!pending.isEmpty()) {
            if (pending.pop() instanceof Element element) {
                if (filter.test(element)) {
                    found.add(element);
                }
                for (Node child = element.getLastChild(); child != null; child = child.getPreviousSibling()) {
                    pending.push(child);
                }
            }
        }
        return found;
    }

    /**
     * The file as a namespace-aware DOM, or null when it is not well-formed XML or declares a DOCTYPE: the engine's own
     * parser refuses such a file with its reason (ENGINE-09003, 400), which says more than this check could.
     */
    static Document parse(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(SILENT);
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception | StackOverflowError notXml) {
            return null;
        }
    }

    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
        }

        @Override
        public void error(SAXParseException exception) {
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    };
}
