package org.servicecharter.platform.governance;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

import org.camunda.bpm.engine.impl.util.ParseUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * History leaves only after each model's time-to-live — so a model may not set one shorter than the department keeps
 * its records ({@code servicecharter.models.minimum-history-time-to-live-days}, default 180): a new version with
 * {@code camunda:historyTimeToLive="0"} would let the cleanup erase its instances' history the night they end.
 * Checked on every process and decision of a new deployment.
 */
@Component
public class HistoryTimeToLiveCheck implements DeploymentCheck {

    private static final List<String> NAMESPACES = List.of("http://camunda.org/schema/1.0/bpmn",
            "http://camunda.org/schema/1.0/dmn", "http://activiti.org/bpmn");

    private volatile int minimumDays;

    public HistoryTimeToLiveCheck(@Value("${servicecharter.models.minimum-history-time-to-live-days:180}") int minimumDays) {
        this.minimumDays = minimumDays;
    }

    @Override
    public List<ModelProblem> check(DeploymentContents deployment) {
        List<ModelProblem> problems = new ArrayList<>();
        for (String name : deployment.names()) {
            if (DeploymentContents.isBpmn(name) || DeploymentContents.isDmn(name)) {
                scan(name, deployment.bytes(name), problems);
            }
        }
        return problems;
    }

    private void scan(String resource, byte[] bytes, List<ModelProblem> problems) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String element = reader.getLocalName();
                if (!"process".equals(element) && !"decision".equals(element)) {
                    continue;
                }
                for (String namespace : NAMESPACES) {
                    String value = reader.getAttributeValue(namespace, "historyTimeToLive");
                    if (value != null) {
                        check(resource, reader.getAttributeValue(null, "id"), value, problems);
                    }
                }
            }
        } catch (Exception e) {
            // XML the engine's own parser will refuse with its reason
        }
    }

    private void check(String resource, String id, String value, List<ModelProblem> problems) {
        Integer days;
        try {
            days = ParseUtil.parseHistoryTimeToLive(value.trim());
        } catch (RuntimeException e) {
            return; // the engine refuses a malformed time-to-live itself, with its reason
        }
        if (days != null && days < minimumDays) {
            problems.add(new ModelProblem(resource, id, "camunda:historyTimeToLive", "keeps the history of its instances for "
                    + days + (days == 1 ? " day" : " days") + "; the department keeps every procedure's history at least "
                    + minimumDays + " days (servicecharter.models.minimum-history-time-to-live-days), so raise it to "
                    + minimumDays + " or more"));
        }
    }

    /** For tests: the suite's own throw-away models keep history for a day. */
    public void setMinimumDays(int minimumDays) {
        this.minimumDays = minimumDays;
    }
}
