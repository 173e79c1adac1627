package org.servicecharter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.mail.internet.MimeMessage;

import com.zaxxer.hikari.HikariDataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.servicecharter.PostgresDatabase;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Two nodes' senders on one PostgreSQL database (the claim is {@code FOR UPDATE SKIP LOCKED}): every message is sent
 * exactly once, by one of them.
 */
class TwoSendersPostgresTests {

    @Test
    void twoSendersOnOneDatabaseSendEachMessageOnce() throws Exception {
        try (PostgresDatabase db = PostgresDatabase.create("sc_mail")) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(db.url());
            dataSource.setUsername(db.user());
            dataSource.setMaximumPoolSize(6);
            EmbeddedMailServer relay = new EmbeddedMailServer("127.0.0.1", 0);
            relay.start();
            try {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
                MailProperties properties = Binder.get(new StandardEnvironment()).bindOrCreate("servicecharter.mail", MailProperties.class);
                properties = new MailProperties(properties.from(), properties.departmentName(), "", properties.pollInterval(), 5,
                        properties.lease(), properties.retryInitial(), properties.retryMax(), properties.giveUpAfter(),
                        properties.sender(), properties.embedded());
                JdbcTemplate jdbc = new JdbcTemplate(dataSource);
                Outbox outbox = new Outbox(jdbc, new MailTexts(properties, "http://localhost:8080"), properties);
                int messages = 120;
                for (int i = 0; i < messages; i++) {
                    outbox.queue(Message.toCustomer("c" + i + "@example.com", "test-notice", Map.of("subject", "Message " + i, "body", "Text"),
                            "two-nodes:" + i, "TWO-NODES"));
                }
                JavaMailSenderImpl mail = new JavaMailSenderImpl();
                mail.setHost(relay.host());
                mail.setPort(relay.port());
                OutboxSender node1 = new OutboxSender(outbox, mail, null, properties, "node-1");
                OutboxSender node2 = new OutboxSender(outbox, mail, null, properties, "node-2");
                ExecutorService pool = Executors.newFixedThreadPool(4);
                List<Callable<Integer>> runs = List.of(drainer(node1), drainer(node2), drainer(node1), drainer(node2));
                int tried = 0;
                for (Future<Integer> run : pool.invokeAll(runs)) {
                    tried += run.get();
                }
                pool.shutdown();

                assertThat(tried).isEqualTo(messages);
                List<MimeMessage> received = relay.received();
                assertThat(received).hasSize(messages);
                assertThat(received.stream().map(m -> {
                    try {
                        return m.getMessageID();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }).distinct().count()).isEqualTo(messages);
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM message_outbox WHERE status = 'SENT' AND attempts = 1", Long.class))
                        .isEqualTo(messages);
                assertThat(outbox.forReference("TWO-NODES")).hasSize(messages);
            } finally {
                relay.stop();
                dataSource.close();
            }
        }
    }

    private static Callable<Integer> drainer(OutboxSender sender) {
        return () -> {
            int total = 0;
            int tried;
            while ((tried = sender.drain(Instant.now())) > 0) {
                total += tried;
            }
            return total;
        };
    }
}
