package org.servicecharter.hr;

import org.servicecharter.platform.DatesForPeople;
import static org.servicecharter.hr.Html.e;
import static org.servicecharter.hr.Html.words;

import java.util.List;
import java.util.Map;

import org.servicecharter.handbook.HandbookController;
import org.servicecharter.handbook.HandbookSignOffs;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * {@code /hr/handbooks/{version}}: who signed the version, who is pending, overdue or declined (with their reasons).
 * Read through the handbook's API class: process owners, HR and auditors see it; anyone else is refused.
 */
@Component
class HandbookStatusPage {

    /** The order people are listed in: what needs someone's attention first. */
    static final List<String> ORDER = List.of("declined", "overdue", "pending", "signed", "superseded");

    private final HandbookController handbooks;
    private final People people;

    private final DatesForPeople dates;

    HandbookStatusPage(HandbookController handbooks, People people, DatesForPeople dates) {
        this.dates = dates;
        this.handbooks = handbooks;
        this.people = people;
    }

    Rendered render(String version, String readerName) {
        HandbookSignOffs.Status status = handbooks.status(version);
        Map<String, String> names = people.names(status.employees().stream().map(HandbookSignOffs.EmployeeStatus::employee).toList());
        StringBuilder body = new StringBuilder("<dl class=\"facts\"><dt>Title</dt><dd>").append(e(status.title()))
                .append("</dd><dt>Version</dt><dd>").append(e(status.version())).append("</dd><dt>State</dt><dd>")
                .append(stateInWords(status))
                .append("</dd><dt>Deadline</dt><dd>").append(dates.when(status.deadline())).append("</dd></dl>");
        body.append("<ul class=\"counts\">");
        for (String s : ORDER) {
            long n = status.counts().getOrDefault(s, 0L);
            if (n > 0 || !"superseded".equals(s)) {
                body.append("<li class=\"status-").append(s).append("\"><strong>").append(n).append("</strong>")
                        .append(words(s)).append("</li>");
            }
        }
        body.append("</ul>");
        for (String s : ORDER) {
            List<HandbookSignOffs.EmployeeStatus> these = status.employees().stream().filter(x -> s.equals(x.status()))
                    .sorted((a, b) -> People.name(names, a.employee()).compareToIgnoreCase(People.name(names, b.employee()))).toList();
            if (these.isEmpty()) {
                continue;
            }
            body.append("<h2>").append(words(s)).append(" (").append(these.size()).append(")</h2>")
                    .append("<table class=\"signoffs\"><thead><tr><th>Employee</th><th>Status</th><th>Offered</th><th>Due</th>")
                    .append("signed".equals(s) || "declined".equals(s) ? "<th>Answered</th>" : "<th>Reminded</th>")
                    .append("declined".equals(s) ? "<th>Reason</th>" : "").append("</tr></thead><tbody>");
            for (HandbookSignOffs.EmployeeStatus x : these) {
                body.append("<tr><td><a href=\"/hr/employees/").append(e(UriUtils.encodePathSegment(x.employee(), "UTF-8")))
                        .append("\">").append(e(People.name(names, x.employee()))).append("</a>")
                        .append(x.lateJoiner() ? " <span class=\"note\">(joined late)</span>" : "")
                        .append("</td><td><span class=\"status status-").append(s).append("\">").append(words(s))
                        .append(x.escalatedAt() != null && "overdue".equals(s) ? ", escalated " + dates.when(x.escalatedAt()) : "")
                        .append("</span></td><td class=\"time\">").append(dates.when(x.offeredAt())).append("</td><td class=\"time\">")
                        .append(dates.when(x.dueAt())).append("</td><td class=\"time\">")
                        .append("signed".equals(s) || "declined".equals(s) ? dates.when(x.answeredAt()) : dates.when(x.remindedAt()))
                        .append("</td>");
                if ("declined".equals(s)) {
                    body.append("<td>").append(e(x.declineReason())).append("</td>");
                }
                body.append("</tr>");
            }
            body.append("</tbody></table>");
        }
        if (status.employees().isEmpty()) {
            body.append("<p class=\"empty\">Nobody has been offered this version yet.</p>");
        }
        return new Rendered(200, Html.page("Handbook " + status.version() + " sign-off", readerName, body.toString()));
    }

    private String stateInWords(HandbookSignOffs.Status status) {
        return switch (status.state()) {
            case "superseded" -> "Superseded by " + e(status.supersededBy());
            case "awaiting-approval" -> "Awaiting the head of service's approval: nobody is asked to sign it yet";
            case "sent-back" -> "Sent back to its publisher" + (status.sentBackReason() == null ? "" : ": " + e(status.sentBackReason()));
            case "withdrawn" -> "Withdrawn: never offered";
            default -> "In force" + (status.approvedBy() == null ? ""
                    : ", approved by " + e(People.name(people.names(java.util.List.of(status.approvedBy())), status.approvedBy()))
                            + " on " + dates.when(status.approvedAt()));
        };
    }
}
