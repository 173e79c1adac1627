package org.servicecharter.hr;

import org.servicecharter.platform.DatesForPeople;
import static org.servicecharter.hr.Html.e;

import java.util.List;
import java.util.Map;

import org.servicecharter.handbook.HandbookController;
import org.servicecharter.handbook.HandbookRegister;
import org.servicecharter.handbook.HandbookSignOffs;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * {@code /hr/handbooks}: the versions, newest first, with their sign-off counts, and the form that publishes a new one
 * by uploading its PDF. The form has no hash field: the application stores the file and computes its SHA-256. It is
 * sent by {@code /hr/publish.js} to {@code POST /api/handbooks} with the web apps' CSRF token, so publishing is the
 * API's (process owners publish; anyone else is refused with the API's sentence).
 */
@Component
class HandbooksPage {

    static final int LIMIT = 50;

    private final HandbookSignOffs signOffs;
    private final HandbookController handbooks;
    private final People people;

    private final DatesForPeople dates;

    HandbooksPage(HandbookSignOffs signOffs, HandbookController handbooks, People people, DatesForPeople dates) {
        this.dates = dates;
        this.signOffs = signOffs;
        this.handbooks = handbooks;
        this.people = people;
    }

    Rendered render(String readerName) {
        List<HandbookRegister.Version> versions = signOffs.versions(LIMIT);
        Map<String, String> names = people.names(versions.stream()
                .flatMap(v -> java.util.stream.Stream.of(v.publishedBy(), v.approvedBy())).filter(java.util.Objects::nonNull).distinct().toList());
        StringBuilder body = new StringBuilder("<p class=\"lead\">Every version of the handbook, newest first, and how far its "
                + "sign-off is.</p>");
        if (versions.isEmpty()) {
            body.append("<p class=\"empty\">No version has been published yet.</p>");
        } else {
            body.append("<table class=\"versions\"><thead><tr><th>Version</th><th>Title</th><th>Published</th><th>Deadline</th>")
                    .append("<th>State</th><th>Sign-off</th></tr></thead><tbody>");
            for (HandbookRegister.Version v : versions) {
                HandbookSignOffs.Status status = handbooks.status(v.version());
                body.append("<tr><td><a href=\"/hr/handbooks/").append(e(UriUtils.encodePathSegment(v.version(), "UTF-8")))
                        .append("\">").append(e(v.version())).append("</a></td><td>").append(e(v.title()))
                        .append("</td><td class=\"time\">").append(dates.when(v.publishedAt())).append("<div class=\"details\">by ")
                        .append(e(People.name(names, v.publishedBy()))).append("</div></td><td class=\"time\">")
                        .append(dates.when(v.signOffDeadline())).append("</td><td>")
                        .append(state(v, names))
                        .append("</td><td>").append(counts(status.counts())).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("<h2>Publish a new version</h2><p class=\"note\">Process owners publish. Upload the handbook as a PDF: "
                + "the application stores it and computes its SHA-256. The head of service approves the version (or sends it "
                + "back to you with a reason) before it is offered to every employee for sign-off; the sign-off form links to "
                + "this stored copy. Once approved, the new version supersedes the one in force.</p>"
                + "<form class=\"upload\" id=\"publish\" method=\"post\" action=\"/api/handbooks\" enctype=\"multipart/form-data\">"
                + "<label for=\"version\">Version</label><input id=\"version\" name=\"version\" required maxlength=\"64\" "
                + "placeholder=\"e.g. 2027.1\">"
                + "<label for=\"title\">Title</label><input id=\"title\" name=\"title\" required maxlength=\"200\">"
                + "<label for=\"deadline\">Sign-off deadline</label><input id=\"deadline\" name=\"deadline\" type=\"date\" required>"
                + "<label for=\"rules\">Rules (one sentence each)</label><textarea id=\"rules\" name=\"rules\" rows=\"4\" required>"
                + "</textarea>"
                + "<label for=\"document\">Handbook (PDF)</label><input id=\"document\" name=\"document\" type=\"file\" "
                + "accept=\"application/pdf,.pdf\" required>"
                + "<button type=\"submit\">Publish</button><p id=\"outcome\" class=\"error\" role=\"status\"></p></form>"
                + "<script src=\"/hr/publish.js\"></script>");
        return new Rendered(200, Html.page("Handbooks", readerName, body.toString()));
    }

    private static String counts(Map<String, Long> counts) {
        StringBuilder html = new StringBuilder();
        for (String s : HandbookStatusPage.ORDER) {
            long n = counts.getOrDefault(s, 0L);
            if (n > 0) {
                html.append("<span class=\"status status-").append(s).append("\">").append(n).append(' ').append(s)
                        .append("</span> ");
            }
        }
        return html.length() == 0 ? "<span class=\"empty\">nobody yet</span>" : html.toString().trim();
    }

    /** The version's state in words: awaiting approval, sent back (with the reason), withdrawn, in force, superseded. */
    static String state(HandbookRegister.Version v, Map<String, String> names) {
        String label = switch (v.state()) {
            case "awaiting-approval" -> "Awaiting approval";
            case "sent-back" -> "Sent back";
            case "withdrawn" -> "Withdrawn";
            case "superseded" -> "Superseded by " + e(v.supersededBy());
            default -> "In force";
        };
        String css = "in-force".equals(v.state()) ? "open" : v.state();
        StringBuilder cell = new StringBuilder("<span class=\"status status-").append(css).append("\">").append(label)
                .append("</span>");
        if ("sent-back".equals(v.state()) && v.sentBackReason() != null) {
            cell.append("<div class=\"details\">").append(e(v.sentBackReason())).append("</div>");
        } else if (v.approvedBy() != null && !"superseded".equals(v.state())) {
            cell.append("<div class=\"details\">approved by ").append(e(People.name(names, v.approvedBy()))).append("</div>");
        }
        return cell.toString();
    }
}
