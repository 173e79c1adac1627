package org.servicecharter.hr;

import org.servicecharter.platform.DatesForPeople;
import static org.servicecharter.hr.Html.e;
import static org.servicecharter.hr.Html.words;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.servicecharter.employeefile.EmployeeFileController;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.springframework.stereotype.Component;

/**
 * {@code /hr/employees/{userId}}: the employee file in words, newest first. Read through the file's API class, so the
 * same people read it (the employee, the people they report to, HR, auditors) and the same people are refused.
 */
@Component
class EmployeeFilePage {

    private final EmployeeFileController files;
    private final People people;

    private final DatesForPeople dates;

    EmployeeFilePage(EmployeeFileController files, People people, DatesForPeople dates) {
        this.dates = dates;
        this.files = files;
        this.people = people;
    }

    /** Runs as the reader (the engine's current authentication); a refusal is thrown as the API throws it. */
    Rendered render(String userId, String readerName) {
        EmployeeFileController.EmployeeFileView file = files.file(userId);
        List<EmployeeFileEntry> newestFirst = new ArrayList<>(file.entries());
        Collections.reverse(newestFirst);
        Map<String, String> names = people.names(Stream.concat(Stream.of(userId),
                newestFirst.stream().map(EmployeeFileEntry::recordedBy)).toList());
        String employee = People.name(names, userId);
        StringBuilder body = new StringBuilder("<p class=\"lead\">The employee file of ").append(e(employee))
                .append(names.containsKey(userId) ? " (" + e(userId) + ")" : "")
                .append(": every record, newest first. Records are never changed or removed.</p>");
        if (newestFirst.isEmpty()) {
            body.append("<p class=\"empty\">There are no records in this file yet.</p>");
        } else {
            body.append("<table class=\"file\"><thead><tr><th>When</th><th>What</th><th>Record</th><th>Recorded by</th>"
                    + "</tr></thead><tbody>");
            for (EmployeeFileEntry entry : newestFirst) {
                body.append("<tr><td class=\"time\">").append(dates.when(entry.recordedAt())).append("</td><td>")
                        .append(e(entry.summary()));
                if (entry.details() != null && !entry.details().isBlank()) {
                    body.append("<div class=\"details\">").append(e(entry.details())).append("</div>");
                }
                body.append("</td><td>").append(e(words(entry.recordType())));
                if (entry.subjectReference() != null) {
                    body.append("<div class=\"details\">about ").append(e(entry.subjectReference())).append("</div>");
                }
                body.append("</td><td>").append(e(People.name(names, entry.recordedBy()))).append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        return new Rendered(200, Html.page("Employee file: " + employee, readerName, body.toString()));
    }
}
