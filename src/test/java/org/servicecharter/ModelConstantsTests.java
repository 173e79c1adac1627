package org.servicecharter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Signal;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.servicecharter.approval.ApprovalProcess;
import org.servicecharter.complaint.ComplaintCorrectionProcess;
import org.servicecharter.complaint.ComplaintProcess;
import org.servicecharter.correctiveaction.CorrectiveActionProcess;
import org.servicecharter.handbook.HandbookProcess;
import org.servicecharter.planreview.PlanReviewProcess;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every name a feature's {@code *Process} class gives its model exists in the model file: element ids, messages,
 * errors, escalations, signals, process and decision keys, forms. Read from {@code processes/} and {@code forms/} as
 * the process owner left them, without an engine. A renamed element in Modeler fails here, naming the constant.
 *
 * <p>Which constants name what: a value shaped like an element id ({@code Type_Name}, the convention) names a flow
 * element; the field's name says the rest ({@code MESSAGE_}, {@code ERROR_}, {@code ESCALATION_}, {@code SIGNAL_},
 * {@code ...PROCESS_KEY}, {@code ...DECISION_KEY}, {@code FORM...}). Messages, errors, escalations, signals, processes
 * and decisions are checked both ways: the model has none that the class does not name, because code that correlates
 * or throws them can only use the class's names.
 */
class ModelConstantsTests {

    private static final Pattern ELEMENT_ID = Pattern.compile("[A-Z][A-Za-z]*_\\S+");
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = Path.of("forms");

    /** A class of names, its model file and how many element ids it names at least (so that a broken selection fails). */
    record Names(Class<?> type, String file, int minimumElementIds) {
        @Override
        public String toString() {
            return type.getSimpleName() + " in " + file;
        }
    }

    static Stream<Names> models() {
        return Stream.of(
                new Names(ComplaintProcess.class, "complaint-handling.bpmn", 17),
                new Names(ComplaintCorrectionProcess.class, "complaint-correction.bpmn", 3),
                new Names(ApprovalProcess.class, "decision-approval.bpmn", 20),
                new Names(HandbookProcess.class, "handbook-signoff.bpmn", 20),
                new Names(CorrectiveActionProcess.class, "corrective-action.bpmn", 20),
                new Names(PlanReviewProcess.class, "plan-review.bpmn", 25));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyNameInTheClassExistsInItsModel(Names names) throws Exception {
        BpmnModelInstance model = Bpmn.readModelFromFile(PROCESSES.resolve(names.file()).toFile());
        Map<String, String> constants = constants(names.type());

        Map<String, String> elementIds = select(constants, (field, value) -> ELEMENT_ID.matcher(value).matches());
        assertThat(elementIds).as("element ids named by %s", names.type().getSimpleName())
                .hasSizeGreaterThanOrEqualTo(names.minimumElementIds());
        elementIds.forEach((field, id) -> assertThat((Object) model.getModelElementById(id))
                .as("%s = %s in %s", field, id, names.file()).isInstanceOf(FlowElement.class));

        assertBothWays(names, "messages", select(constants, (field, value) -> field.startsWith("MESSAGE_")),
                names(model.getModelElementsByType(Message.class).stream().map(Message::getName)));
        assertBothWays(names, "error codes", select(constants, (field, value) -> field.startsWith("ERROR_")),
                names(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Error.class).stream()
                        .map(org.camunda.bpm.model.bpmn.instance.Error::getErrorCode)));
        assertBothWays(names, "escalation codes", select(constants, (field, value) -> field.startsWith("ESCALATION_")),
                names(model.getModelElementsByType(Escalation.class).stream().map(Escalation::getEscalationCode)));
        assertBothWays(names, "signals", select(constants, (field, value) -> field.startsWith("SIGNAL_")),
                names(model.getModelElementsByType(Signal.class).stream().map(Signal::getName)));

        // process keys: the model's own processes, or the ones it calls
        Set<String> processes = names(model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream()
                .map(org.camunda.bpm.model.bpmn.instance.Process::getId));
        Set<String> called = names(model.getModelElementsByType(CallActivity.class).stream().map(CallActivity::getCalledElement));
        Map<String, String> processKeys = select(constants, (field, value) -> field.endsWith("PROCESS_KEY"));
        assertThat(processes).as("the process key %s of %s", constants.get("PROCESS_KEY"), names.file())
                .contains(constants.get("PROCESS_KEY"));
        processKeys.forEach((field, key) -> assertThat(processes.contains(key) || called.contains(key))
                .as("%s = %s is a process of %s or called by it", field, key, names.file()).isTrue());
        assertThat(processKeys.values()).as("processes of %s named by %s", names.file(), names.type().getSimpleName())
                .containsAll(processes);

        // decision keys: the decisions the model evaluates, each in a decision table of processes/
        Map<String, String> decisionKeys = select(constants, (field, value) -> field.endsWith("DECISION_KEY"));
        Set<String> evaluated = names(model.getModelElementsByType(BusinessRuleTask.class).stream()
                .map(BusinessRuleTask::getCamundaDecisionRef));
        assertBothWays(names, "decisions evaluated", decisionKeys, evaluated);
        assertThat(decisions()).as("decisions in processes/*.dmn").containsAll(decisionKeys.values());

        // forms: referenced by the model and deployed from forms/ under the same id
        Set<String> formRefs = names(model.getModelElementsByType(FlowNode.class).stream()
                .map(node -> node.getAttributeValueNs(CAMUNDA_NS, "formRef")));
        select(constants, (field, value) -> field.equals("FORM") || field.startsWith("FORM_")).forEach((field, form) -> {
            assertThat(formRefs).as("%s = %s is a form of %s", field, form, names.file()).contains(form);
            assertThat(formId(FORMS.resolve(form + ".form"))).as("the id in forms/%s.form", form).isEqualTo(form);
        });
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private interface Selection {
        boolean test(String field, String value);
    }

    /** The class's static String constants, field name to value. */
    private static Map<String, String> constants(Class<?> type) throws IllegalAccessException {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : type.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                field.setAccessible(true);
                constants.put(field.getName(), (String) field.get(null));
            }
        }
        return constants;
    }

    private static Map<String, String> select(Map<String, String> constants, Selection selection) {
        Map<String, String> selected = new TreeMap<>();
        constants.forEach((field, value) -> {
            if (selection.test(field, value)) {
                selected.put(field, value);
            }
        });
        return selected;
    }

    private static Set<String> names(Stream<String> names) {
        return names.filter(name -> name != null).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static void assertBothWays(Names names, String what, Map<String, String> constants, Set<String> inModel) {
        constants.forEach((field, value) -> assertThat(inModel).as("%s = %s among the %s of %s", field, value, what, names.file())
                .contains(value));
        assertThat(constants.values()).as("%s of %s named by %s", what, names.file(), names.type().getSimpleName())
                .containsAll(inModel);
    }

    private static Collection<String> decisions() throws Exception {
        List<String> decisions = new ArrayList<>();
        try (Stream<Path> files = Files.list(PROCESSES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".dmn")).toList()) {
                Dmn.readModelFromFile(new File(file.toString())).getModelElementsByType(Decision.class)
                        .forEach(decision -> decisions.add(decision.getId()));
            }
        }
        return decisions;
    }

    private static String formId(Path form) {
        assertThat(form).as("the form file").exists();
        try {
            return new ObjectMapper().readTree(form.toFile()).path("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
