package org.servicecharter.hr;

import org.servicecharter.platform.DatesForPeople;
import static org.servicecharter.hr.Html.e;
import static org.servicecharter.hr.Html.words;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.servicecharter.correctiveaction.CorrectiveActionController;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * {@code /hr/corrective-actions}: the open and the closed cases the reader may see. Read through the corrective action
 * API class, which reads through the engine's authorizations: HR and auditors see every case, a manager their
 * reports' cases, anyone else none.
 */
@Component
class CorrectiveActionsPage {

    static final String NOT_YET = "<span class=\"empty\">not decided yet</span>";

    private final CorrectiveActionController cases;
    private final People people;

    private final DatesForPeople dates;

    CorrectiveActionsPage(CorrectiveActionController cases, People people, DatesForPeople dates) {
        this.dates = dates;
        this.cases = cases;
        this.people = people;
    }

    Rendered render(String readerName) {
        List<CorrectiveActionController.CaseView> all = cases.list(null, null, null);
        Map<String, String> steps = cases.ladder().stream()
                .collect(Collectors.toMap(CorrectiveActionController.Step::id, CorrectiveActionController.Step::label, (a, b) -> a));
        Map<String, String> names = people.names(all.stream().map(CorrectiveActionController.CaseView::employee).toList());
        List<CorrectiveActionController.CaseView> open = all.stream().filter(c -> "ACTIVE".equals(c.state())).toList();
        List<CorrectiveActionController.CaseView> closed = all.stream().filter(c -> !"ACTIVE".equals(c.state())).toList();
        StringBuilder body = new StringBuilder("<p class=\"lead\">The corrective action cases you may see, newest first. "
                + "Cases are confidential: HR and auditors see all, managers their reports' cases.</p>");
        section(body, "Open", open, steps, names, false);
        section(body, "Closed", closed, steps, names, true);
        return new Rendered(200, Html.page("Corrective actions", readerName, body.toString()));
    }

    private void section(StringBuilder body, String title, List<CorrectiveActionController.CaseView> list,
            Map<String, String> steps, Map<String, String> names, boolean closed) {
        body.append("<h2>").append(title).append(" (").append(list.size()).append(")</h2>");
        if (list.isEmpty()) {
            body.append("<p class=\"empty\">No ").append(title.toLowerCase()).append(" cases.</p>");
            return;
        }
        body.append("<table class=\"cases\"><thead><tr><th>Case</th><th>Employee</th><th>Corrective action</th><th>Outcome</th>")
                .append("<th>Opened</th>").append(closed ? "<th>Closed</th>" : "<th>Monitoring ends</th>")
                .append("</tr></thead><tbody>");
        for (CorrectiveActionController.CaseView c : list) {
            body.append("<tr><td>").append(e(c.reference())).append("</td><td>");
            if (c.employee() != null) {
                body.append("<a href=\"/hr/employees/").append(e(UriUtils.encodePathSegment(c.employee(), "UTF-8"))).append("\">")
                        .append(e(People.name(names, c.employee()))).append("</a>");
            }
            body.append("</td><td>").append(c.correctiveAction() == null ? NOT_YET : e(steps.getOrDefault(c.correctiveAction(),
                    words(c.correctiveAction())))).append("</td><td>").append(c.outcome() == null ? (closed ? "" : NOT_YET)
                    : e(words(c.outcome()))).append("</td><td class=\"time\">")
                    .append(dates.when(c.startedAt())).append("</td><td class=\"time\">")
                    .append(closed ? dates.when(c.endedAt()) + (c.state() != null && !"COMPLETED".equals(c.state())
                            ? " <span class=\"note\">(" + e(words(c.state())) + ")</span>" : "") : dates.when(c.monitoringEndsAt()))
                    .append("</td></tr>");
        }
        body.append("</tbody></table>");
    }
}
