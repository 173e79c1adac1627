package org.servicecharter.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.Newcomers;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.employeefile.EmployeeFile;
import org.servicecharter.employeefile.EmployeeFileEntry;
import org.servicecharter.handbook.HandbookFixtures;
import org.servicecharter.identity.ReportingLines;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The HR pages through the door a person uses: the web apps' login (a session cookie), the page as HTML. Without a
 * session the browser goes to the login; the page refuses whom the API refuses; names instead of ids, dates in words,
 * every value escaped.
 */
@ServiceCharterTest
class HrPagesTests {

    @LocalServerPort int port;
    @Autowired IdentityService identityService;
    @Autowired ReportingLines reportingLines;
    @Autowired EmployeeFile employeeFile;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired org.camunda.bpm.engine.ProcessEngine processEngine;

    // --- the employee file ---------------------------------------------------------------------------------------

    @Test
    void theEmployeeFileInWordsNewestFirstForTheEmployeeTheirManagersAndHr() {
        String employee = newcomerNamed("Zoë", "<b>O'Neil</b>");
        employeeFile.append(new EmployeeFileEntry.NewEntry(employee, "handbook-acknowledgement", "Signed: the older record.",
                "HB-1", null, null, employee, null, "hr-test:" + employee + ":1"));
        employeeFile.append(new EmployeeFileEntry.NewEntry(employee, "recognition", "Recognised: <script>alert(1)</script>",
                "AP-1", null, "A note & a line", "hana", null, "hr-test:" + employee + ":2"));
        String path = "/hr/employees/" + employee;

        for (String reader : List.of(employee, "sam", "maria", "hana", "audrey")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get(path);
            assertThat(page.status()).as(reader).isEqualTo(200);
            assertThat(page.body()).as(reader).contains("Employee file: Zoë &lt;b&gt;O&#39;Neil&lt;/b&gt;")
                    .contains("Recognised: &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                    .contains("A note &amp; a line").contains("Handbook acknowledgement").contains("Hana HR");
            assertThat(page.body().indexOf("Recognised:")).as("newest first").isLessThan(page.body().indexOf("the older record"));
            assertThat(page.body()).matches("(?s).*<td class=\"time\">\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}</td>.*");
            assertThat(page.header("content-security-policy")).isNotNull();
        }
    }

    @Test
    void theEmployeeFileRefusesWhomTheApiRefuses() {
        String employee = newcomerNamed("Yusuf", "Refused");
        employeeFile.append(new EmployeeFileEntry.NewEntry(employee, "recognition", "A private record.", null, null, null,
                "hana", null, "hr-test:" + employee + ":1"));
        for (String reader : List.of("bob", "olga")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/employees/" + employee);
            assertThat(page.status()).as(reader).isEqualTo(403);
            assertThat(page.body()).contains("Not allowed").contains("You may read your own employee file").doesNotContain("A private record");
        }
        // a manager reads down the line, not up
        assertThat(WebappSession.login(port, "sam", "tasklist").get("/hr/employees/maria").status()).isEqualTo(403);
        assertThat(WebappSession.login(port, "hana", "tasklist").get("/hr/employees/nosuchuser").status()).isEqualTo(404);
        assertGoesToLogin("/hr/employees/" + employee);
    }

    // --- the handbook's sign-off status ----------------------------------------------------------------------------

    @Test
    void theHandbookStatusShowsWhoSignedDeclinedWithTheReasonAndIsPending() {
        String version = HandbookFixtures.uniqueVersion();
        Http.Response published = Http.as(port, "olga").post("/api/handbooks",
                HandbookFixtures.publishRequest(version, HandbookFixtures.document(), HandbookFixtures.inDays(30)));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        HandbookFixtures.approve(processEngine, version);
        assertThat(Http.as(port, "alice").post("/api/handbooks/" + version + "/sign-off",
                Map.of("decision", "sign", "acknowledged", true)).status()).isEqualTo(201);
        assertThat(Http.as(port, "bob").post("/api/handbooks/" + version + "/sign-off",
                Map.of("decision", "decline", "reason", "Rule 4 contradicts <i>policy P-7</i>.")).status()).isEqualTo(201);

        for (String reader : List.of("hana", "olga", "audrey")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/handbooks/" + version);
            assertThat(page.status()).as(reader).isEqualTo(200);
            String html = page.body();
            assertThat(html).contains("Handbook " + version + " sign-off").contains("In force")
                    .contains("Rule 4 contradicts &lt;i&gt;policy P-7&lt;/i&gt;.").doesNotContain("<i>policy")
                    .contains("<h2>Declined (1)</h2>").contains("<h2>Signed (").contains("<h2>Pending (")
                    .contains("Alice Agent").contains("Bob Agent").contains("href=\"/hr/employees/alice\"");
            String declined = html.substring(html.indexOf("<h2>Declined"), html.indexOf("<h2>Pending"));
            assertThat(declined).contains("Bob Agent").doesNotContain("Alice Agent");
            String signed = html.substring(html.indexOf("<h2>Signed"));
            assertThat(signed).contains("Alice Agent").doesNotContain("Bob Agent");
        }
    }

    @Test
    void theHandbookStatusRefusesWhomTheApiRefuses() {
        String version = HandbookFixtures.uniqueVersion();
        assertThat(Http.as(port, "olga").post("/api/handbooks",
                HandbookFixtures.publishRequest(version, HandbookFixtures.document(), HandbookFixtures.inDays(30))).status()).isEqualTo(201);
        for (String reader : List.of("alice", "sam", "maria")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/handbooks/" + version);
            assertThat(page.status()).as(reader).isEqualTo(403);
            assertThat(page.body()).contains("Process owners, HR and auditors see the sign-off status.").doesNotContain("Pending").doesNotContain("Deadline");
        }
        assertThat(WebappSession.login(port, "hana", "tasklist").get("/hr/handbooks/no-such-version").status()).isEqualTo(404);
        assertGoesToLogin("/hr/handbooks/" + version);
    }

    // --- the handbook versions and publishing one ------------------------------------------------------------------

    @Test
    void theVersionsListAndItsUploadFormWhoseUploadIsTheApis() {
        String version = HandbookFixtures.uniqueVersion();
        WebappSession olga = WebappSession.login(port, "olga", "tasklist");
        Map<String, String> fields = Map.of("version", version, "title", "Handbook <" + version + ">", "rules",
                "Greet every customer.", "deadline", HandbookFixtures.inDays(30));
        byte[] pdf = org.servicecharter.Pdfs.withText("Handbook " + version);

        // the page's script sends the form to the API with the session's token; without it, another site's page could
        assertThat(olga.multipart("/api/handbooks", fields, "document", "handbook.pdf", pdf, Map.of()).status()).isEqualTo(403);
        Http.Response published = olga.multipart("/api/handbooks", fields, "document", "handbook.pdf", pdf,
                Map.of("X-XSRF-TOKEN", olga.csrfToken()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        String awaiting = WebappSession.login(port, "hana", "tasklist").get("/hr/handbooks").body();
        String row = awaiting.substring(awaiting.indexOf("href=\"/hr/handbooks/" + version + "\""));
        assertThat(row.substring(0, row.indexOf("</tr>"))).contains("Awaiting approval").doesNotContain("In force");
        HandbookFixtures.approve(processEngine, version);

        for (String reader : List.of("hana", "olga", "audrey")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/handbooks");
            assertThat(page.status()).as(reader).isEqualTo(200);
            assertThat(page.body()).contains("href=\"/hr/handbooks/" + version + "\"").contains("Handbook &lt;" + version + "&gt;")
                    .contains("Olga Process-Owner").contains("In force").contains("approved by Henry Head-of-Service").contains("pending")
                    .contains("type=\"file\"").contains("<script src=\"/hr/publish.js\"></script>")
                    .doesNotContain("sha256").doesNotContain("SHA-256\"").doesNotContain("documentSha256");
        }
        for (String reader : List.of("alice", "sam")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/handbooks");
            assertThat(page.status()).as(reader).isEqualTo(403);
            assertThat(page.body()).doesNotContain(version);
        }
        assertGoesToLogin("/hr/handbooks");
        Http.Response script = Http.anonymous(port).get("/hr/publish.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("X-XSRF-TOKEN").contains("/api/handbooks");
    }

    @Test
    void theSignOffFormLinksToTheStoredVerifiedCopyAndShowsNoHash() {
        String version = HandbookFixtures.uniqueVersion();
        byte[] pdf = org.servicecharter.Pdfs.withText("Handbook " + version);
        WebappSession olga = WebappSession.login(port, "olga", "tasklist");
        Http.Response published = olga.multipart("/api/handbooks", Map.of("version", version, "title", "Handbook " + version,
                "rules", "Greet every customer.", "deadline", HandbookFixtures.inDays(30)), "document", "handbook.pdf", pdf,
                Map.of("X-XSRF-TOKEN", olga.csrfToken()));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        HandbookFixtures.approve(processEngine, version);

        // what Tasklist loads for alice's sign-off task: the form and its variables
        Http alice = Http.as(port, "alice");
        String taskId = taskService.createTaskQuery()
                .processInstanceBusinessKey(org.servicecharter.handbook.HandbookProcess.businessKey(version, "alice"))
                .taskDefinitionKey(org.servicecharter.handbook.HandbookProcess.SIGN_HANDBOOK).singleResult().getId();
        Http.Response form = alice.get("/engine-rest/task/" + taskId + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.body()).contains("[open the document]({{documentUrl}})").doesNotContain("\"key\": \"documentSha256\"")
                .doesNotContain("\"key\":\"documentSha256\"").doesNotContain("SHA-256");
        String documentUrl = alice.get("/engine-rest/task/" + taskId + "/form-variables").json().get("documentUrl").get("value").asText();
        assertThat(documentUrl).isEqualTo("/api/handbooks/" + version + "/document");

        // the link gives the stored copy, whose hash is the one published
        Http.Response document = alice.get(documentUrl);
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.header("X-Content-SHA256")).isEqualTo(org.servicecharter.handbook.HandbookDocuments.sha256(pdf))
                .isEqualTo(published.json().get("documentSha256").asText());
    }

    // --- corrective action cases --------------------------------------------------------------------------------

    @Test
    void correctiveActionCasesForThoseWhoMaySeeThem() {
        String employee = newcomerNamed("Xavier", "<Case>");
        Http.Response opened = Http.as(port, "sam").post("/api/corrective-actions",
                Map.of("employee", employee, "concern", "Left the counter unattended."));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        String reference = opened.json().get("reference").asText();

        for (String reader : List.of("hana", "audrey", "sam", "maria")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/corrective-actions");
            assertThat(page.status()).as(reader).isEqualTo(200);
            String html = page.body();
            assertThat(html).as(reader).contains(reference).contains("Xavier &lt;Case&gt;").doesNotContain("<Case>");
            assertThat(html.indexOf(reference)).as("open, not closed").isBetween(html.indexOf("<h2>Open"), html.indexOf("<h2>Closed"));
        }
        // as the API: whoever may see no case sees none
        for (String reader : List.of("bob", "olga")) {
            Http.Response page = WebappSession.login(port, reader, "tasklist").get("/hr/corrective-actions");
            assertThat(page.status()).as(reader).isEqualTo(200);
            assertThat(page.body()).as(reader).doesNotContain(reference).doesNotContain("Xavier");
            assertThat(Http.as(port, reader).get("/api/corrective-actions?reference=" + reference).body()).isEqualTo("[]");
        }
        assertGoesToLogin("/hr/corrective-actions");
    }

    @Test
    void thePagesAreReadOnly() {
        WebappSession hana = WebappSession.login(port, "hana", "tasklist");
        assertThat(hana.send("POST", "/hr/corrective-actions", "{}", Map.of("X-XSRF-TOKEN", hana.csrfToken())).status()).isEqualTo(405);
        assertThat(hana.get("/hr/employees/alice/more").status()).isEqualTo(404);
    }

    private void assertGoesToLogin(String path) {
        Http.Response anonymous = Http.anonymous(port).get(path);
        assertThat(anonymous.status()).as(path).isEqualTo(302);
        // to Tasklist's login, saying where to come back to
        assertThat(anonymous.header("location")).endsWith("/camunda/app/tasklist/default/?returnTo="
                + java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8) + "#/login");
    }

    private String newcomerNamed(String first, String last) {
        String id = Newcomers.agentReportingTo(identityService, reportingLines, "hr", "sam");
        User user = identityService.createUserQuery().userId(id).singleResult();
        user.setFirstName(first);
        user.setLastName(last);
        identityService.saveUser(user);
        return id;
    }
}
