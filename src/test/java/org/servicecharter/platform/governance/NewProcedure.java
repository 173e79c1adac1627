package org.servicecharter.platform.governance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.servicecharter.Http;

/**
 * A small procedure a process owner adds without Java, as Camunda Modeler would deploy it: a process whose
 * {@code camunda:candidateStarterGroups} says who starts it, a start form, and one user task for the agents whose
 * Camunda Form has a checklist and a text field (both forms bound to the deployment). Every test takes a fresh key:
 * the suite shares one database.
 */
public final class NewProcedure {

    public static final String START_FIELD = "subject";
    public static final String CHECKLIST = "checks";
    public static final String NOTE = "note";

    public final String key;
    public final String name;

    private NewProcedure(String key, String name) {
        this.key = key;
        this.name = name;
    }

    public static NewProcedure fresh(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new NewProcedure(prefix + "-" + suffix, "Check a returned item " + suffix);
    }

    String startFormId() {
        return key + "-start";
    }

    String taskFormId() {
        return key + "-check";
    }

    /** The files Modeler sends for "Deploy current diagram" with its forms attached. */
    Map<String, String> files(String starterAttributes) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", bpmn(starterAttributes));
        files.put(startFormId() + ".form", startForm());
        files.put(taskFormId() + ".form", taskForm());
        return files;
    }

    /** Olga deploys from Camunda Modeler: the multipart request Modeler sends. */
    public Http.Response deployAs(Http user, String starterAttributes) {
        return user.multipart("/engine-rest/deployment/create", Map.of(
                "deployment-name", key,
                "deployment-source", "Camunda Modeler",
                "enable-duplicate-filtering", "true"), files(starterAttributes));
    }

    /** {@code starterAttributes}: e.g. {@code camunda:candidateStarterGroups="agents"}. */
    String bpmn(String starterAttributes) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC"
                    xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_%1$s"
                    targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.40.0"
                    modeler:executionPlatform="Camunda Platform" modeler:executionPlatformVersion="7.24.0">
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" %3$s camunda:historyTimeToLive="30">
                    <bpmn:startEvent id="StartEvent_ItemReturned" name="Item returned" camunda:formRef="%4$s" camunda:formRefBinding="deployment">
                      <bpmn:outgoing>Flow_ToCheck</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:sequenceFlow id="Flow_ToCheck" sourceRef="StartEvent_ItemReturned" targetRef="Task_CheckItem" />
                    <bpmn:userTask id="Task_CheckItem" name="Check the returned item" camunda:formRef="%5$s" camunda:formRefBinding="deployment" camunda:candidateGroups="agents">
                      <bpmn:incoming>Flow_ToCheck</bpmn:incoming>
                      <bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
                    </bpmn:userTask>
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_CheckItem" targetRef="EndEvent_ItemChecked" />
                    <bpmn:endEvent id="EndEvent_ItemChecked" name="Item checked">
                      <bpmn:incoming>Flow_ToEnd</bpmn:incoming>
                    </bpmn:endEvent>
                  </bpmn:process>
                  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
                    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="%1$s">
                      <bpmndi:BPMNShape id="Shape_StartEvent_ItemReturned" bpmnElement="StartEvent_ItemReturned">
                        <dc:Bounds x="152" y="102" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Shape_Task_CheckItem" bpmnElement="Task_CheckItem">
                        <dc:Bounds x="240" y="80" width="100" height="80" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNShape id="Shape_EndEvent_ItemChecked" bpmnElement="EndEvent_ItemChecked">
                        <dc:Bounds x="392" y="102" width="36" height="36" />
                      </bpmndi:BPMNShape>
                      <bpmndi:BPMNEdge id="Edge_Flow_ToCheck" bpmnElement="Flow_ToCheck">
                        <di:waypoint x="188" y="120" />
                        <di:waypoint x="240" y="120" />
                      </bpmndi:BPMNEdge>
                      <bpmndi:BPMNEdge id="Edge_Flow_ToEnd" bpmnElement="Flow_ToEnd">
                        <di:waypoint x="340" y="120" />
                        <di:waypoint x="392" y="120" />
                      </bpmndi:BPMNEdge>
                    </bpmndi:BPMNPlane>
                  </bpmndi:BPMNDiagram>
                </bpmn:definitions>
                """.formatted(key, name, starterAttributes, startFormId(), taskFormId());
    }

    String startForm() {
        return """
                {
                  "components": [
                    {"type": "text", "id": "Text_Intro", "text": "## Returned item\\n\\nWhat came back?"},
                    {"type": "textfield", "id": "Field_Subject", "key": "%2$s", "label": "Item and order number",
                     "validate": {"required": true, "maxLength": 200}}
                  ],
                  "type": "default",
                  "id": "%1$s",
                  "executionPlatform": "Camunda Platform",
                  "executionPlatformVersion": "7.24.0",
                  "exporter": {"name": "Camunda Modeler", "version": "5.40.0"},
                  "schemaVersion": 16
                }
                """.formatted(startFormId(), START_FIELD);
    }

    String taskForm() {
        return """
                {
                  "components": [
                    {"type": "text", "id": "Text_CheckIntro", "text": "## Check the returned item\\n\\nTick what you checked."},
                    {"type": "textfield", "id": "Field_SubjectShown", "key": "%2$s", "label": "Item", "disabled": true},
                    {"type": "checklist", "id": "Field_Checks", "key": "%3$s", "label": "Checked",
                     "values": [
                       {"label": "Packaging intact", "value": "packaging"},
                       {"label": "Serial number matches", "value": "serial"},
                       {"label": "Accessories complete", "value": "accessories"}
                     ],
                     "validate": {"required": true}},
                    {"type": "textfield", "id": "Field_Note", "key": "%4$s", "label": "Note for the customer file",
                     "validate": {"required": true, "maxLength": 500}}
                  ],
                  "type": "default",
                  "id": "%1$s",
                  "executionPlatform": "Camunda Platform",
                  "executionPlatformVersion": "7.24.0",
                  "exporter": {"name": "Camunda Modeler", "version": "5.40.0"},
                  "schemaVersion": 16
                }
                """.formatted(taskFormId(), START_FIELD, CHECKLIST, NOTE);
    }
}
