package org.servicecharter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.servicecharter.Http;
import org.servicecharter.ServiceCharterTest;
import org.servicecharter.WebappSession;
import org.servicecharter.complaint.ComplaintProcess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mail delivered through a real SMTP server: the application's embedded GreenMail (the tests set no spring.mail.host),
 * stopped and started like a relay that goes away. The tests drive the sender ({@link OutboxSender#drain}).
 */
@ServiceCharterTest
class MailDeliveryTests {

    @LocalServerPort int port;
    @Autowired TaskService taskService;
    @Autowired ManagementService managementService;
    @Autowired HistoryService historyService;
    @Autowired Outbox outbox;
    @Autowired OutboxSender sender;
    @Autowired EmbeddedMailServer relay;
    @Autowired JdbcTemplate jdbc;

    /**
     * The suite shares one database: other classes' complaints leave messages queued, older than this class's, and a
     * drain claims the oldest batch first. Deliver them before each test, so that what a test drains is its own.
     */
    @BeforeEach
    void nothingElseWaiting() {
        relay.start();
        drainAll();
    }

    @AfterEach
    void relayBackUp() {
        relay.start();
    }

    @Test
    void theComplaintWalkSendsTheAcknowledgementAndTheSurveyWhoseLinkAnswersIt() throws Exception {
        String email = "pat-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Pat Customer", "customerEmail", email,
                "channel", "web", "category", "delivery", "description", "The parcel came two weeks late.")).json().get("reference").asText();
        drainAll();
        MimeMessage acknowledgement = only(received(email));
        assertThat(acknowledgement.getSubject()).contains(reference);
        assertThat(text(acknowledgement)).contains("Pat Customer").contains(reference).contains("Customer Service");

        Task task = taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).singleResult();
        taskService.claim(task.getId(), "alice");
        taskService.complete(task.getId(), Map.of(ComplaintProcess.VAR_RESOLUTION, "Refunded the delivery fee.",
                ComplaintProcess.VAR_CUSTOMER_CONTACTED, true, ComplaintProcess.VAR_APOLOGISED, true));
        Job sendSurvey = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).messages().singleResult();
        managementService.executeJob(sendSurvey.getId());
        drainAll();

        List<MimeMessage> mails = received(email);
        assertThat(mails).hasSize(2);
        MimeMessage survey = mails.get(1);
        String body = text(survey);
        assertThat(body).contains("Refunded the delivery fee.");
        assertThat(survey.getContent()).isInstanceOf(MimeMultipart.class);
        String token = body.replaceAll("(?s).*/survey/([A-Za-z0-9_-]{43}).*", "$1");
        assertThat(Http.anonymous(port).post("/api/surveys/" + token, Map.of("rating", 5, "comment", "Thanks.")).status()).isEqualTo(204);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).singleResult().getState())
                .isEqualTo("COMPLETED");
        // every message of the complaint is marked sent, none twice
        assertThat(outbox.forReference(reference)).extracting(OutboxEntry::status).containsOnly(OutboxEntry.Status.SENT);
    }

    @Test
    void anOverdueComplaintIsMailedToTheSupervisorsAndOnSecondBreachToTheManagers() throws Exception {
        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Sid Customer", "customerEmail",
                "sid@example.com", "channel", "web", "category", "billing", "description", "Charged twice.")).json().get("reference").asText();
        String instance = taskService.createTaskQuery().processInstanceBusinessKey(reference).singleResult().getProcessInstanceId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId(ComplaintProcess.SLA_BREACHED).singleResult().getId());
        drainAll();
        Task followUp = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(ComplaintProcess.FOLLOW_UP_OVERDUE).singleResult();
        MimeMessage toSam = only(received("sam@service-charter.example").stream().filter(m -> subject(m).contains(reference)).toList());
        assertThat(subject(toSam)).contains("breached its SLA");
        assertThat(text(toSam)).contains("/camunda/app/tasklist/default/#/?task=" + followUp.getId()).contains("Customer Service");
        assertThat(received("maria@service-charter.example").stream().filter(m -> subject(m).contains(reference))).isEmpty();

        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance)
                .activityId(ComplaintProcess.SECOND_SLA_BREACH).singleResult().getId());
        drainAll();
        MimeMessage toMaria = only(received("maria@service-charter.example").stream().filter(m -> subject(m).contains(reference)).toList());
        assertThat(subject(toMaria)).contains("escalated to the managers");
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void whileTheRelayIsDownNothingIsLostAndNothingIsSentTwice() throws Exception {
        String reference = "OUTAGE-" + UUID.randomUUID();
        String email = "outage-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        relay.stop();
        for (int i = 0; i < 3; i++) {
            outbox.queue(Message.toCustomer(email, "test-notice", Map.of("subject", "Outage " + i, "body", "Text " + i),
                    reference + ":" + i, reference));
        }
        // queuing the same key again queues nothing
        assertThat(outbox.queue(Message.toCustomer(email, "test-notice", Map.of("subject", "Outage 0", "body", "Text 0"),
                reference + ":0", reference))).isFalse();

        Instant now = Instant.now();
        sender.drain(now);
        List<OutboxEntry> waiting = outbox.forReference(reference);
        assertThat(waiting).extracting(OutboxEntry::status).containsOnly(OutboxEntry.Status.QUEUED);
        assertThat(waiting).allSatisfy(e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.lastError()).isNotBlank();
            assertThat(e.nextAttemptAt()).isAfter(now.plusSeconds(29));
        });
        // not due yet: nothing tried
        sender.drain(now.plusSeconds(10));
        assertThat(outbox.forReference(reference)).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
        // an hour of outage: tried again and again, backing off, never given up
        for (int minute = 1; minute <= 60; minute++) {
            sender.drain(now.plus(Duration.ofMinutes(minute)));
        }
        assertThat(outbox.forReference(reference)).extracting(OutboxEntry::status).containsOnly(OutboxEntry.Status.QUEUED);

        relay.start();
        sender.drain(now.plus(Duration.ofHours(2)));
        sender.drain(now.plus(Duration.ofHours(3)));
        assertThat(outbox.forReference(reference)).extracting(OutboxEntry::status).containsOnly(OutboxEntry.Status.SENT);
        assertThat(received(email)).extracting(MimeMessage::getSubject)
                .containsExactlyInAnyOrder("Outage 0", "Outage 1", "Outage 2");
    }

    @Test
    void aRelayDownPastTheGiveUpTimeFailsTheMessageForAdministrators() {
        String reference = "GIVEUP-" + UUID.randomUUID();
        relay.stop();
        outbox.queue(Message.toCustomer("late@example.com", "test-notice", Map.of("subject", "Late", "body", "Text"), reference, reference));
        sender.drain(Instant.now().plus(Duration.ofHours(25)));
        OutboxEntry entry = only(outbox.forReference(reference));
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(entry.lastError()).startsWith("Gave up after PT24H");
    }

    @Test
    void anAddressTheRelayRefusesFailsWithItsReasonIsNotRetriedAndBlocksNoProcess() throws Exception {
        String reference = Http.anonymous(port).post("/api/complaints", Map.of("customerName", "Ned Nobody", "customerEmail",
                "ned@" + RefusingRelay.REFUSED_DOMAIN, "channel", "web", "category", "billing", "description", "Wrong invoice."))
                .json().get("reference").asText();
        relay.stop();
        RefusingRelay refusing = new RefusingRelay(relay.port());
        refusing.start();
        try {
            sender.drain(Instant.now());
            OutboxEntry entry = only(outbox.forReference(reference));
            assertThat(entry.status()).isEqualTo(OutboxEntry.Status.FAILED);
            assertThat(entry.lastError()).startsWith("Refused:").contains("550").contains("mailbox unknown");
            sender.drain(Instant.now().plus(Duration.ofHours(1)));
            assertThat(only(outbox.forReference(reference)).attempts()).isEqualTo(1);
        } finally {
            refusing.stop();
        }
        // the complaint goes on regardless
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference)
                .taskDefinitionKey(ComplaintProcess.HANDLE_COMPLAINT).count()).isEqualTo(1);
    }

    @Test
    void anAddressThatIsNoAddressFailsAtOnceWithTheReasonAndIsNotRetried() {
        String reference = "BAD-" + UUID.randomUUID();
        outbox.queue(Message.toCustomer("not an address@@example", "test-notice", Map.of("subject", "Bad", "body", "Text"), reference, reference));
        sender.drain(Instant.now());
        OutboxEntry entry = only(outbox.forReference(reference));
        assertThat(entry.status()).isEqualTo(OutboxEntry.Status.FAILED);
        assertThat(entry.lastError()).startsWith("Refused:");
        sender.drain(Instant.now().plus(Duration.ofHours(1)));
        assertThat(only(outbox.forReference(reference)).attempts()).isEqualTo(1);
    }

    @Test
    void aMessageWhoseSenderDiedMidSendIsSentAgainWithTheSameMessageId() throws Exception {
        String reference = "LEASE-" + UUID.randomUUID();
        String email = "lease-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        outbox.queue(Message.toCustomer(email, "test-notice", Map.of("subject", "Once", "body", "Text"), reference, reference));
        sender.drain(Instant.now());
        OutboxEntry sent = only(outbox.forReference(reference));
        // the node that sent it died before it could mark it sent: the row is still its, leased for a while
        jdbc.update("UPDATE message_outbox SET status = 'SENDING', sent_at = NULL, lease_owner = 'dead-node', lease_until = ? WHERE id = ?",
                java.sql.Timestamp.from(Instant.now().plus(Duration.ofMinutes(2))), sent.id());
        sender.drain(Instant.now());
        assertThat(received(email)).hasSize(1);
        // after the lease another node sends it again, with the same Message-ID
        sender.drain(Instant.now().plus(Duration.ofMinutes(3)));
        List<MimeMessage> copies = received(email);
        assertThat(copies).hasSize(2);
        assertThat(copies).extracting(MimeMessage::getMessageID).containsOnly(sent.messageId());
        assertThat(only(outbox.forReference(reference)).status()).isEqualTo(OutboxEntry.Status.SENT);
    }

    @Test
    void administratorsReadTheOutboxAndTheReceivedMailOthersAreRefused() throws Exception {
        String reference = "ADMIN-" + UUID.randomUUID();
        outbox.queue(Message.toCustomer("reader@example.com", "test-notice", Map.of("subject", "For the <admin> page", "body",
                "Survey <script>alert(1)</script>"), reference, reference));
        outbox.queue(Message.toCustomer("broken address", "test-notice", Map.of("subject", "Broken", "body", "x"), reference + ":bad", reference));
        drainAll();

        WebappSession admin = WebappSession.login(port, "demo", "admin");
        Http.Response page = admin.get("/admin/mail");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("For the &lt;admin&gt; page").contains("Survey &lt;script&gt;").doesNotContain("<script>")
                .contains("FAILED").contains("Refused:");
        assertThat(page.headers().get("Content-Security-Policy").get(0)).contains("script-src 'self'");
        Http.Response api = Http.as(port, "demo").get("/api/admin/messages");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains(reference).contains("Survey <script>");

        assertThat(WebappSession.login(port, "alice", "tasklist").get("/admin/mail").status()).isEqualTo(403);
        assertThat(Http.as(port, "alice").get("/api/admin/messages").status()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/admin/messages").status()).isEqualTo(401);
    }

    private void drainAll() {
        while (sender.drain(Instant.now()) > 0) {
            // until nothing is due
        }
    }

    private List<MimeMessage> received(String email) {
        return relay.received().stream().filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    private static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    static String text(MimeMessage message) throws Exception {
        return org.servicecharter.Mails.plainText(message);
    }
}
