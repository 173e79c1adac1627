package org.servicecharter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The department's texts: every message has its own template (plain text and HTML) and the Java code passes only
 * data. Each built-in template renders from the data its sender passes, says what to do with a link, is signed with
 * the department's name and escapes what it shows in HTML; a file in {@code servicecharter.mail.templates-dir} replaces
 * a built-in text without Java.
 */
class MailTemplatesTests {

    static final String LINK = "https://charter.example/camunda/app/tasklist/default/#/?task=t-1";

    /** Each template with the data its sender passes (the addressee's name is added by every staff sender). */
    static final Map<String, Map<String, Object>> DATA = Map.ofEntries(
            Map.entry("complaint-acknowledgement", data("customerName", "Pat <Customer>", "reference", "C-2026-1")),
            Map.entry("complaint-resolved", data("customerName", "Pat <Customer>", "reference", "C-2026-1",
                    "resolution", "Refunded.", "surveyLink", "https://charter.example/survey/abc", "surveyDays", 14)),
            Map.entry("complaint-sla-breached", data("name", "Sam <Supervisor>", "reference", "C-2026-1", "link", LINK)),
            Map.entry("complaint-escalated", data("name", "Sam <Supervisor>", "reference", "C-2026-1", "link", LINK)),
            Map.entry("approval-waiting", data("name", "Sam <Supervisor>", "id", "AR-1", "type", "goodwill", "amount", "80.00",
                    "currency", "EUR", "requester", "alice", "tier", "supervisor", "link", LINK)),
            Map.entry("approval-reminder", data("name", "Sam <Supervisor>", "id", "AR-1", "type", "goodwill", "amount", "80.00",
                    "currency", "EUR", "requester", "alice", "link", LINK)),
            Map.entry("approval-outcome", data("name", "Sam <Supervisor>", "id", "AR-1", "type", "goodwill", "outcome", "approved",
                    "decidedBy", "sam", "approvedAmount", "60.00", "currency", "EUR", "reason", null, "link", LINK)),
            Map.entry("recognition", data("name", "Sam <Supervisor>", "id", "AR-1", "type", "goodwill", "amount", "80.00",
                    "currency", "EUR", "complaintReference", null, "recognisedBy", "maria", "note", "Good call.", "link", LINK)),
            Map.entry("handbook-published", data("name", "Sam <Supervisor>", "version", "2026.1", "title", "Handbook",
                    "due", new Date(0), "link", LINK)),
            Map.entry("handbook-reminder", data("name", "Sam <Supervisor>", "version", "2026.1", "title", "Handbook",
                    "documentUrl", "https://charter.example/api/handbook/2026.1/document", "due", new Date(0), "link", LINK)),
            Map.entry("handbook-overdue", data("name", "Sam <Supervisor>", "version", "2026.1", "link", LINK)),
            Map.entry("handbook-follow-up", data("name", "Sam <Supervisor>", "employee", "bob", "version", "2026.1", "link", LINK)),
            Map.entry("corrective-action-conversation", data("name", "Sam <Supervisor>", "link", LINK)),
            Map.entry("corrective-action-acknowledgement", data("name", "Sam <Supervisor>", "link", LINK)),
            Map.entry("plan-research-survey", data("customerName", "Pat <Customer>",
                    "surveyLink", "https://charter.example/survey/research/abc", "surveyDays", 7)));

    static Stream<String> templates() {
        return DATA.keySet().stream().sorted();
    }

    @Test
    void everyBuiltInTemplateIsHereWithTheDataItsSenderPasses() throws IOException {
        Set<String> builtIn = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/mail"))) {
            files.forEach(f -> builtIn.add(f.getFileName().toString().replaceAll("\\.(txt|html)$", "")));
        }
        assertThat(builtIn).isEqualTo(new TreeSet<>(DATA.keySet()));
    }

    @ParameterizedTest
    @MethodSource("templates")
    void rendersASubjectATextAndAnEscapedHtmlSignedByTheDepartment(String template) {
        MailTexts.Rendered mail = texts("").render(template, DATA.get(template));
        assertThat(mail.subject()).isNotBlank().doesNotContain("[(").doesNotContain("null");
        assertThat(mail.text()).contains("Customer Service").doesNotContain("[(").doesNotContain("[/]").doesNotContain("null");
        assertThat(mail.html()).as("HTML alternative").isNotNull().contains("Customer Service").doesNotContain("<Supervisor>")
                .doesNotContain("<Customer>");
        Object link = DATA.get(template).getOrDefault("link", DATA.get(template).get("surveyLink"));
        if (link != null) {
            assertThat(mail.text()).contains(link.toString());
            assertThat(mail.html()).contains("href=\"" + link.toString().replace("&", "&amp;") + "\"");
        }
    }

    @Test
    void theOutcomeAndTheRecognitionShowWhatIsGivenAndLeaveOutWhatIsNot() {
        Map<String, Object> rejected = new HashMap<>(DATA.get("approval-outcome"));
        rejected.putAll(data("outcome", "rejected", "approvedAmount", null, "reason", "Over the policy's limit."));
        MailTexts.Rendered mail = texts("").render("approval-outcome", rejected);
        assertThat(mail.subject()).isEqualTo("Your request AR-1 was rejected");
        assertThat(mail.text()).contains("was rejected by sam: Over the policy's limit.").doesNotContain(" for ")
                .doesNotContain("go ahead as approved");
        MailTexts.Rendered approved = texts("").render("approval-outcome", DATA.get("approval-outcome"));
        assertThat(approved.text()).contains("was approved by sam for 60.00 EUR.").contains("go ahead as approved");

        Map<String, Object> forComplaint = new HashMap<>(DATA.get("recognition"));
        forComplaint.put("complaintReference", "C-2026-7");
        assertThat(texts("").render("recognition", forComplaint).text())
                .contains("goodwill of 80.00 EUR for complaint C-2026-7 (AR-1) as a good one: \"Good call.\"");
    }

    @Test
    void theConfidentialNoticesCarryNothingButTheNameAndTheLink() {
        for (String template : new String[] {"corrective-action-conversation", "corrective-action-acknowledgement"}) {
            MailTexts.Rendered mail = texts("").render(template, DATA.get(template));
            assertThat(mail.text()).contains("holds no details").contains(LINK);
        }
    }

    @Test
    void aFileInTheTemplatesFolderReplacesTheBuiltInTextWithoutJava(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("complaint-sla-breached.txt"), """
                Subject: SLA! [(${reference})]

                Dear [(${name})], please call about [(${reference})] now: [(${link})]
                -- [(${department})]
                """);
        MailTexts texts = texts(dir.toString());
        MailTexts.Rendered mail = texts.render("complaint-sla-breached", DATA.get("complaint-sla-breached"));
        assertThat(mail.subject()).isEqualTo("SLA! C-2026-1");
        assertThat(mail.text()).startsWith("Dear Sam <Supervisor>, please call about C-2026-1 now: " + LINK)
                .endsWith("-- Customer Service\n");
        // the HTML alternative not replaced: the built-in one still goes with it
        assertThat(mail.html()).contains("has not been resolved within its service level");
        // the other templates are untouched
        assertThat(texts.render("complaint-escalated", DATA.get("complaint-escalated")).subject())
                .isEqualTo("Complaint C-2026-1 escalated to the managers");
    }

    @Test
    void aDeadlineIsWrittenAsTheConfiguredLocaleWritesIt() {
        MailProperties properties = texts(null).properties();
        MailTexts german = new MailTexts(properties, "https://charter.example",
                new org.servicecharter.platform.DatesForPeople("de-DE", "UTC"));
        Map<String, Object> published = new HashMap<>(DATA.get("handbook-published"));
        published.put("due", java.util.Date.from(java.time.Instant.parse("2026-12-31T16:00:00Z")));
        assertThat(german.render("handbook-published", published).text()).contains("by 31.12.2026, 16:00");
        assertThat(texts(null).render("handbook-published", published).text()).as("en-GB by default")
                .contains("by 31 Dec 2026, ");
    }

    private static MailTexts texts(String templatesDir) {
        return new MailTexts(new MailProperties("Service Charter <no-reply@charter.example>", "Customer Service", templatesDir,
                Duration.ofSeconds(5), 20, Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMinutes(30),
                Duration.ofHours(24), new MailProperties.Sender(false), new MailProperties.Embedded("127.0.0.1", 0)),
                "https://charter.example");
    }

    private static Map<String, Object> data(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
