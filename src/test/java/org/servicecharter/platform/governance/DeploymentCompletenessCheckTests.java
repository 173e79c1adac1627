package org.servicecharter.platform.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The completeness rules one by one, on files fed straight to the check (no engine, no Spring). */
class DeploymentCompletenessCheckTests {

    static final Set<String> GROUPS = Set.of("agents", "managers", "supervisors");
    static final Set<String> USERS = Set.of("alice", "sam");

    final List<String> lookups = new ArrayList<>();
    final DeploymentContents.Identity identity = new DeploymentContents.Identity() {
        @Override
        public boolean groupExists(String groupId) {
            lookups.add("group:" + groupId);
            return GROUPS.contains(groupId);
        }

        @Override
        public boolean userExists(String userId) {
            lookups.add("user:" + userId);
            return USERS.contains(userId);
        }
    };

    final DeploymentCompletenessCheck check = new DeploymentCompletenessCheck();

    // --- references bound to the deployment

    @Test
    void aDecisionBoundToTheDeploymentMustBeInIt() {
        String model = process("p", task("<bpmn:businessRuleTask id=\"Task_Classify\" camunda:decisionRef=\"classify\" "
                + "camunda:decisionRefBinding=\"deployment\"/>"));

        List<ModelProblem> problems = check(Map.of("p.bpmn", model));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.resource()).isEqualTo("p.bpmn");
            assertThat(problem.elementId()).isEqualTo("Task_Classify");
            assertThat(problem.attribute()).isEqualTo("camunda:decisionRef");
            assertThat(problem.message()).contains("'classify'").contains("attach classify.dmn")
                    .contains("Deploy > Include additional files");
        });
        assertThat(check(Map.of("p.bpmn", model, "rules.dmn", dmn("classify")))).isEmpty();
        assertThat(check(Map.of("p.bpmn", model, "rules.dmn", dmn("something-else")))).hasSize(1);
    }

    @Test
    void onlyLiteralReferencesBoundToTheDeploymentAreChecked() {
        String model = process("p", task("""
                <bpmn:businessRuleTask id="Task_Latest" camunda:decisionRef="classify"/>
                <bpmn:businessRuleTask id="Task_Version" camunda:decisionRef="classify" camunda:decisionRefBinding="version" camunda:decisionRefVersion="2"/>
                <bpmn:businessRuleTask id="Task_Expression" camunda:decisionRef="${rules}" camunda:decisionRefBinding="deployment"/>
                <bpmn:userTask id="Task_LatestForm" camunda:formRef="some-form" camunda:formRefBinding="latest"/>
                <bpmn:callActivity id="Call_Latest" calledElement="other"/>
                <bpmn:callActivity id="Call_Expression" calledElement="${which}" camunda:calledElementBinding="deployment"/>
                """));
        assertThat(check(Map.of("p.bpmn", model))).isEmpty();
    }

    @Test
    void aFormBoundToTheDeploymentMustBeInItWithThatId() {
        String model = process("p", task("<bpmn:userTask id=\"Task_Work\" camunda:formRef=\"work\" camunda:formRefBinding=\"deployment\"/>"));

        ModelProblem missing = only(check(Map.of("p.bpmn", model)));
        assertThat(missing.elementId()).isEqualTo("Task_Work");
        assertThat(missing.attribute()).isEqualTo("camunda:formRef");
        assertThat(missing.message()).contains("no form in this deployment has the id 'work'").contains("attach work.form");

        ModelProblem otherId = only(check(Map.of("p.bpmn", model, "work.form", form("not-work", "textfield"))));
        assertThat(otherId.message()).contains("work.form is attached, but it does not have this id");

        assertThat(check(Map.of("p.bpmn", model, "any-name.form", form("work", "textfield")))).isEmpty();
    }

    @Test
    void aFormKeyReadingTheDeploymentNeedsThatFile() {
        String model = process("p", task("""
                <bpmn:userTask id="Task_Work" camunda:formKey="camunda-forms:deployment:work.form"/>
                <bpmn:userTask id="Task_App" camunda:formKey="camunda-forms:app:forms/work.form"/>
                """));

        ModelProblem missing = only(check(Map.of("p.bpmn", model)));
        assertThat(missing.elementId()).isEqualTo("Task_Work");
        assertThat(missing.attribute()).isEqualTo("camunda:formKey");
        assertThat(missing.message()).contains("'work.form' is not in this deployment").contains("attach work.form");

        assertThat(check(Map.of("p.bpmn", model, "work.form", form("work", "textfield")))).isEmpty();
    }

    @Test
    void aProcessCalledWithBindingDeploymentMustBeAnExecutableProcessInIt() {
        String caller = process("caller", task("<bpmn:callActivity id=\"Call_Sub\" calledElement=\"sub\" "
                + "camunda:calledElementBinding=\"deployment\"/>"));

        ModelProblem missing = only(check(Map.of("caller.bpmn", caller)));
        assertThat(missing.elementId()).isEqualTo("Call_Sub");
        assertThat(missing.attribute()).isEqualTo("calledElement");
        assertThat(missing.message()).contains("'sub'").contains("attach sub.bpmn");

        assertThat(check(Map.of("caller.bpmn", caller, "sub.bpmn", process("sub", "")))).isEmpty();
        assertThat(check(Map.of("caller.bpmn", caller, "sub.bpmn", process("sub", "").replace("isExecutable=\"true\"", "isExecutable=\"false\""))))
                .as("a process that is not executable is not deployed").hasSize(1);
        // two processes in one file, one calling the other
        String both = caller.replace("</bpmn:definitions>", """
                  <bpmn:process id="sub" isExecutable="true" camunda:historyTimeToLive="1"/>
                </bpmn:definitions>""");
        assertThat(check(Map.of("caller.bpmn", both))).isEmpty();
    }

    // --- people

    @Test
    void candidateGroupsAndUsersMustExistExpressionsAreLeftToRunTime() {
        String model = process("p", task("<bpmn:userTask id=\"Task_Work\" camunda:candidateGroups=\"agents, ${groups.of(a, b)}, managres,,\" "
                + "camunda:candidateUsers=\"alice,bob , ${user}\" camunda:assignee=\"carol\"/>"));

        List<ModelProblem> problems = check(Map.of("p.bpmn", model));

        assertThat(problems).extracting(ModelProblem::attribute)
                .containsExactly("camunda:candidateGroups", "camunda:candidateUsers", "camunda:assignee");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.elementId()).isEqualTo("Task_Work"));
        assertThat(problems.get(0).message()).contains("the group 'managres' does not exist, so nobody would see this task")
                .contains("ask an administrator");
        assertThat(problems.get(1).message()).contains("the user 'bob' does not exist");
        assertThat(problems.get(2).message()).contains("the user 'carol' does not exist");
        assertThat(lookups).as("expressions are never looked up").noneMatch(lookup -> lookup.contains("$"));
    }

    @Test
    void anExpressionAssigneeIsNotLookedUp() {
        String model = process("p", task("<bpmn:userTask id=\"Task_Work\" camunda:assignee=\"${initiator}\" camunda:candidateGroups=\"#{group}\"/>"));
        assertThat(check(Map.of("p.bpmn", model))).isEmpty();
        assertThat(lookups).isEmpty();
    }

    @Test
    void candidateStartersMustExist() {
        String model = process("p", "").replace("camunda:historyTimeToLive=\"1\"",
                "camunda:historyTimeToLive=\"1\" camunda:candidateStarterGroups=\"agents,everyone\" camunda:candidateStarterUsers=\"sam,zed\"");

        List<ModelProblem> problems = check(Map.of("p.bpmn", model));

        assertThat(problems).extracting(ModelProblem::elementId).containsOnly("p");
        assertThat(problems).extracting(ModelProblem::attribute)
                .containsExactly("camunda:candidateStarterGroups", "camunda:candidateStarterUsers");
        assertThat(problems.get(0).message()).contains("'everyone'").contains("the grant to start this process would reach nobody");
        assertThat(problems.get(1).message()).contains("'zed'");
    }

    @Test
    void bpmnResourceAssignmentsMustNameExistingPeople() {
        String model = process("p", task("""
                <bpmn:userTask id="Task_Owners">
                  <bpmn:potentialOwner><bpmn:resourceAssignmentExpression>
                    <bpmn:formalExpression>group(agents), group(nobodies), user(alice), user(ghost), managers, ${more}</bpmn:formalExpression>
                  </bpmn:resourceAssignmentExpression></bpmn:potentialOwner>
                </bpmn:userTask>
                <bpmn:userTask id="Task_Performer">
                  <bpmn:humanPerformer><bpmn:resourceAssignmentExpression>
                    <bpmn:formalExpression>phantom</bpmn:formalExpression>
                  </bpmn:resourceAssignmentExpression></bpmn:humanPerformer>
                </bpmn:userTask>
                """)).replace("<bpmn:startEvent id=\"Start\"/>", """
                <bpmn:extensionElements><camunda:potentialStarter><bpmn:resourceAssignmentExpression>
                  <bpmn:formalExpression>group(outsiders)</bpmn:formalExpression>
                </bpmn:resourceAssignmentExpression></camunda:potentialStarter></bpmn:extensionElements>
                <bpmn:startEvent id="Start"/>""");

        List<ModelProblem> problems = check(Map.of("p.bpmn", model));

        assertThat(problems).extracting(p -> p.elementId() + " " + p.attribute() + " " + p.message().substring(0, p.message().indexOf(" does not")))
                .containsExactly(
                        "p camunda:potentialStarter the group 'outsiders'",
                        "Task_Owners potentialOwner the group 'nobodies'",
                        "Task_Owners potentialOwner the user 'ghost'",
                        "Task_Performer humanPerformer the user 'phantom'");
    }

    @Test
    void eachGroupAndUserIsLookedUpOnce() {
        String model = process("p", task("""
                <bpmn:userTask id="Task_A" camunda:candidateGroups="agents, nobodies"/>
                <bpmn:userTask id="Task_B" camunda:candidateGroups="agents, nobodies"/>
                """));
        assertThat(check(Map.of("p.bpmn", model))).hasSize(2);
        assertThat(lookups).containsExactly("group:agents", "group:nobodies");
    }

    // --- forms

    @Test
    void aMalformedFormIsRefusedSayingWhereTheJsonBreaks() {
        ModelProblem problem = only(check(Map.of("broken.form", "{\n  \"id\": \"broken\",\n  \"components\": [\n    { \"type\": \"textfield\", }\n  ]\n}")));
        assertThat(problem.resource()).isEqualTo("broken.form");
        assertThat(problem.message()).startsWith("is not valid JSON: line 4, column 28: Unexpected character ('}'")
                .contains("form editor").doesNotContain("Source:");
    }

    @Test
    void aFormMustBeAJsonObject() {
        assertThat(only(check(Map.of("list.form", "[1, 2]"))).message()).contains("must be a JSON object");
        assertThat(only(check(Map.of("text.form", "\"form\""))).message()).contains("must be a JSON object");
        assertThat(only(check(Map.of("empty.form", ""))).message()).contains("is empty");
        assertThat(only(check(Map.of("blank.form", "  \n"))).message()).contains("is empty");
        assertThat(only(check(Map.of("two.form", "{\"id\": \"a\", \"id\": \"b\", \"type\": \"default\"}"))).message())
                .contains("is not valid JSON").contains("Duplicate field 'id'");
    }

    /** The engine's form parser stops at anything after the form's object (ENGINE-09033, a 500 before). */
    @Test
    void aFormWithAnythingAfterItsObjectIsNotValidJson() {
        ModelProblem problem = only(check(Map.of("trailing.form", "{\"id\": \"a\", \"type\": \"default\", \"components\": []} and more")));
        assertThat(problem.resource()).isEqualTo("trailing.form");
        assertThat(problem.message()).startsWith("is not valid JSON: line 1").contains("form editor");
    }

    @Test
    void aFormNeedsAnId() {
        for (String id : new String[] {null, "", " ", "42"}) {
            String form = form("x", "textfield");
            form = id == null ? form.replace("\"id\": \"x\",", "") : id.equals("42") ? form.replace("\"x\"", "42") : form.replace("\"x\"", "\"" + id + "\"");
            ModelProblem problem = only(check(Map.of("nameless.form", form)));
            assertThat(problem.attribute()).as("id %s", id).isEqualTo("id");
            assertThat(problem.message()).contains("the form has no id").contains("Properties > General > ID").contains("camunda:formRef");
        }
    }

    @Test
    void twoFormsWithoutIdAreEachReportedNotTakenForTheSameForm() {
        String nameless = form("x", "textfield").replace("\"id\": \"x\",", "");
        List<ModelProblem> problems = check(Map.of("a.form", nameless, "b.form", nameless));
        assertThat(problems).extracting(ModelProblem::resource).containsExactlyInAnyOrder("a.form", "b.form");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message()).contains("no id"));
    }

    @Test
    void twoFormsWithTheSameIdAreRefusedNamingBoth() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("first.form", form("same", "textfield"));
        files.put("second.form", form("same", "textarea"));

        List<ModelProblem> problems = check(files);

        assertThat(problems).extracting(ModelProblem::resource).containsExactly("first.form", "second.form");
        assertThat(problems).extracting(ModelProblem::elementId).containsOnly("same");
        assertThat(problems.get(0).message()).contains("the form has the id 'same', and so has second.form");
        assertThat(problems.get(1).message()).contains("the form has the id 'same', and so has first.form");
    }

    @Test
    void everyComponentTypeTasklistRendersIsAccepted() {
        StringBuilder components = new StringBuilder();
        int i = 0;
        for (String type : FormCheck.RENDERED_TYPES) {
            components.append(i == 0 ? "" : ",").append("{\"type\": \"").append(type).append("\", \"id\": \"C").append(i)
                    .append("\", \"key\": \"k").append(i++).append("\"}");
        }
        String form = "{\"id\": \"all\", \"type\": \"default\", \"schemaVersion\": 16, \"components\": [" + components + "]}";
        assertThat(check(Map.of("all.form", form))).isEmpty();
        assertThat(FormCheck.RENDERED_TYPES).hasSize(19).doesNotContainAnyElementsOf(FormCheck.REFUSED.keySet());
    }

    @Test
    void aComponentTasklistCannotRenderIsRefusedNamingItAndTheTypesAllowed() {
        ModelProblem problem = only(check(Map.of("f.form", form("f", "slider"))));
        assertThat(problem.elementId()).isEqualTo("Field_1");
        assertThat(problem.attribute()).isEqualTo("type");
        assertThat(problem.message()).contains("(key 'answer') has type 'slider'").contains("Tasklist 7.24 (form-js 1.8.7) cannot render")
                .contains("Use one of: textfield, textarea, number, datetime");
    }

    @Test
    void componentsOfLaterFormJsVersionsAndTheDynamicListAreRefusedWithAReason() {
        assertThat(only(check(Map.of("f.form", form("f", "filepicker")))).message()).contains("no file picker");
        assertThat(only(check(Map.of("f.form", form("f", "documentPreview")))).message()).contains("no document preview");
        assertThat(only(check(Map.of("f.form", form("f", "dynamiclist")))).message()).contains("keeps Complete disabled");
    }

    @Test
    void nestedComponentsAreCheckedToo() {
        String form = """
                {"id": "nested", "type": "default", "schemaVersion": 18, "components": [
                  {"type": "group", "id": "Group_1", "label": "Outer", "components": [
                    {"type": "group", "id": "Group_2", "components": [
                      {"type": "filepicker", "id": "Field_Upload", "key": "upload"}
                    ]}
                  ]}
                ]}""";
        ModelProblem problem = only(check(Map.of("nested.form", form)));
        assertThat(problem.elementId()).isEqualTo("Field_Upload");
    }

    @Test
    void aComponentWithoutTypeOrWithADuplicateIdOrKeyIsRefused() {
        String form = """
                {"id": "dupes", "type": "default", "components": [
                  {"id": "Field_A", "key": "a"},
                  {"type": "textfield", "id": "Field_B", "key": "b"},
                  {"type": "textarea", "id": "Field_B", "key": "c"},
                  {"type": "number", "id": "Field_D", "key": "b"},
                  {"type": "group", "id": "Group_1", "path": "inner", "components": [
                    {"type": "textfield", "id": "Field_E", "key": "b"}
                  ]},
                  {"type": "text", "id": "Text_1", "text": "hello"},
                  {"type": "text", "id": "Text_2", "text": "again"},
                  "not an object"
                ]}""";
        List<ModelProblem> problems = check(Map.of("dupes.form", form));
        assertThat(problems).extracting(p -> p.elementId() + " " + p.attribute()).containsExactly(
                "Field_A type", "Field_B id", "Field_D key", "components[7] null");
        assertThat(problems.get(2).message()).contains("same variable 'b'");
    }

    @Test
    void theFormItselfMustBeTheDefaultType() {
        ModelProblem problem = only(check(Map.of("f.form", form("f", "textfield").replace("\"type\": \"default\",", ""))));
        assertThat(problem.attribute()).isEqualTo("type");
        assertThat(problem.message()).contains("\"type\": \"default\"");
    }

    @Test
    void aNewerSchemaVersionAloneIsNoReasonToRefuse() {
        assertThat(check(Map.of("f.form", form("f", "textfield").replace("\"schemaVersion\": 16", "\"schemaVersion\": 18")))).isEmpty();
    }

    // --- robustness

    @Test
    void filesThatAreNotXmlAreLeftToTheEngineAndNothingThrows() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("junk.bpmn", "this is not XML");
        files.put("empty.bpmn", "");
        files.put("junk.dmn", "<definitions><decision");
        files.put("doctype.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>");
        files.put("binary.form", "\u0000\u0001\u0002");
        files.put("readme.txt", "hello");
        List<ModelProblem> problems = check(files);
        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.resource()).isEqualTo("binary.form"));
        assertThat(check(Map.of("p.bpmn", "<bpmn:definitions xmlns:bpmn=\"" + DeploymentCompletenessCheck.BPMN_NS
                + "\"><bpmn:process id=\"p\"><bpmn:userTask camunda:candidateGroups=\"x\" xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\"/>"
                + "<bpmn:humanPerformer/><bpmn:potentialOwner/></bpmn:process></bpmn:definitions>")))
                .as("elements without id, assignments without expression").singleElement()
                .satisfies(problem -> assertThat(problem.elementId()).isEqualTo("userTask"));
    }

    @Test
    void deeplyNestedFilesDoNotOverflowTheCheck() {
        String deepXml = "<bpmn:definitions xmlns:bpmn=\"" + DeploymentCompletenessCheck.BPMN_NS + "\">"
                + "<bpmn:subProcess>".repeat(50_000) + "</bpmn:subProcess>".repeat(50_000) + "</bpmn:definitions>";
        String deepForm = "{\"id\": \"deep\", \"type\": \"default\", \"components\": ["
                + "{\"type\": \"group\", \"components\": [".repeat(400) + "]}".repeat(400) + "]}";
        assertThat(check(Map.of("deep.bpmn", deepXml, "deep.form", deepForm))).isEmpty();
        String tooDeep = "[".repeat(5_000) + "]".repeat(5_000);
        assertThat(only(check(Map.of("too-deep.form", tooDeep))).message()).contains("is not valid JSON");
    }

    @Test
    void commaSeparatedListsSplitLikeTheEngine() {
        assertThat(DeploymentCompletenessCheck.commaSeparated(" a, ${x.y(1, 2)} ,b,,#{c, d}, ")).containsExactly("a", "${x.y(1, 2)}", "b", "#{c, d}");
        assertThat(DeploymentCompletenessCheck.commaSeparated(null)).isEmpty();
    }

    // --- the repository's own files

    @Test
    void theRepositorysOwnModelsAndFormsAreComplete() throws IOException {
        DeploymentContents contents = new DeploymentContents(repositoryFiles(), new DeploymentContents.Identity() {
            @Override
            public boolean groupExists(String groupId) {
                return true;
            }

            @Override
            public boolean userExists(String userId) {
                return true;
            }
        });
        assertThat(contents.names()).contains("complaint-handling.bpmn", "complaint-classification.dmn", "handle-complaint.form");
        assertThat(check.check(contents)).isEmpty();
    }

    /** processes/* and forms/* as the process application deploys them: one deployment, by file name. */
    static Map<String, byte[]> repositoryFiles() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String directory : new String[] {"processes", "forms"}) {
            try (Stream<Path> paths = Files.list(Path.of(directory))) {
                for (Path path : paths.sorted().toList()) {
                    files.put(path.getFileName().toString(), Files.readAllBytes(path));
                }
            }
        }
        return files;
    }

    // --- helpers

    private List<ModelProblem> check(Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        return check.check(new DeploymentContents(bytes, identity));
    }

    private static ModelProblem only(List<ModelProblem> problems) {
        assertThat(problems).hasSize(1);
        return problems.get(0);
    }

    private static String task(String elements) {
        return elements;
    }

    static String process(String key, String elements) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="Start"/>
                    %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(key, elements);
    }

    static String dmn(String decisionId) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_D" name="D" namespace="http://camunda.org/schema/1.0/dmn">
                  <decision id="%s" name="Decide">
                    <decisionTable id="Table_1"><output id="Output_1" name="result" typeRef="string"/></decisionTable>
                  </decision>
                </definitions>
                """.formatted(decisionId);
    }

    static String form(String id, String type) {
        return DeploymentCompletenessTests.form(id, type);
    }
}
