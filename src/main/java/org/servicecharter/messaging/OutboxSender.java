package org.servicecharter.messaging;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Drains the outbox: every {@code servicecharter.mail.poll-interval} a node claims a batch of due messages (a lease of
 * {@code servicecharter.mail.lease}), sends each through the {@link JavaMailSender} with the message's stable
 * {@code Message-ID}, and marks it sent. A relay that is down or answers 4xx: the message waits (30 s, doubling, at most
 * {@code retry-max}) and is tried again, until {@code give-up-after} from queuing, then it is failed. A relay that
 * refuses for good (5xx, e.g. an unknown address) or an address that is no address: failed at once with the reason,
 * never retried. Nothing here runs in a process's transaction, so no process ever waits for mail.
 *
 * <p>At least once: a node that dies after the relay took a message but before it marked it sent loses its lease, and
 * another node sends the message again, with the same {@code Message-ID}, by which mail clients recognise the copy.
 */
@Component
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final Outbox outbox;
    private final JavaMailSender mailSender;
    private final StaffAddresses staff;
    private final MailProperties properties;
    private final String node;
    private final AtomicLong claims = new AtomicLong();

    @org.springframework.beans.factory.annotation.Autowired
    public OutboxSender(Outbox outbox, JavaMailSender mailSender, StaffAddresses staff, MailProperties properties) {
        this(outbox, mailSender, staff, properties, ManagementFactory.getRuntimeMXBean().getName() + "/"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    /** A sender with a name of its own (tests run two "nodes" in one JVM). */
    public OutboxSender(Outbox outbox, JavaMailSender mailSender, StaffAddresses staff, MailProperties properties, String node) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.staff = staff;
        this.properties = properties;
        this.node = node;
    }

    @Scheduled(fixedDelayString = "${servicecharter.mail.poll-interval:PT5S}", initialDelayString = "${servicecharter.mail.poll-interval:PT5S}")
    void poll() {
        if (!properties.sender().enabled()) {
            return;
        }
        try {
            int sent;
            do {
                sent = drain(Instant.now());
            } while (sent >= properties.batchSize());
        } catch (RuntimeException e) {
            // the database away: the next poll tries again
            log.warn("Could not drain the message outbox: {}", e.toString());
        }
    }

    /** Claims one batch due at {@code now} and tries to deliver each; the number of messages tried. */
    public int drain(Instant now) {
        String owner = node + "#" + claims.incrementAndGet();
        List<OutboxEntry> batch = outbox.table().claim(owner, now, now.plus(properties.lease()), properties.batchSize());
        for (OutboxEntry entry : batch) {
            deliver(entry, owner, now);
        }
        return batch.size();
    }

    private void deliver(OutboxEntry entry, String owner, Instant now) {
        OutboxTable table = outbox.table();
        String recipient = entry.recipient();
        if (recipient == null || recipient.isBlank()) {
            Optional<StaffAddresses.Addressee> user = staff.user(entry.recipientUser());
            if (user.isEmpty()) {
                fail(entry, owner, "The user '" + entry.recipientUser() + "' has no e-mail address.");
                return;
            }
            recipient = user.get().email();
            table.setRecipient(entry.id(), recipient);
        }
        try {
            mailSender.send(mime(entry, recipient));
        } catch (RuntimeException e) {
            String reason = reason(e);
            if (permanent(e)) {
                fail(entry, owner, "Refused: " + reason);
            } else if (Duration.between(entry.createdAt(), now).compareTo(properties.giveUpAfter()) >= 0) {
                fail(entry, owner, "Gave up after " + properties.giveUpAfter() + " of attempts (" + entry.attempts() + "); last: " + reason);
            } else {
                Instant next = now.plus(backOff(entry.attempts()));
                if (table.markRetry(entry.id(), owner, next, reason)) {
                    log.info("Message {} to {} not delivered ({}), next attempt at {}", entry.messageId(), recipient, reason, next);
                }
            }
            return;
        }
        if (!table.markSent(entry.id(), owner, Instant.now())) {
            log.warn("Message {} was sent after this node's lease ran out; another node may send it again (same Message-ID)",
                    entry.messageId());
        }
    }

    private void fail(OutboxEntry entry, String owner, String reason) {
        if (outbox.table().markFailed(entry.id(), owner, reason)) {
            log.error("Message {} ({}) about {} FAILED and will not be retried: {} (administrators: /admin/mail)",
                    entry.messageId(), entry.template(), entry.reference(), reason);
        }
    }

    /** 30 s, 1 min, 2 min, ... at most retry-max: the wait after the {@code attempts}-th failed attempt. */
    Duration backOff(int attempts) {
        Duration wait = properties.retryInitial();
        for (int i = 1; i < attempts && wait.compareTo(properties.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retryMax()) > 0 ? properties.retryMax() : wait;
    }

    private MimeMessage mime(OutboxEntry entry, String recipient) {
        try {
            MimeMessage message = mailSender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, entry.bodyHtml() != null, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipient);
            helper.setSubject(entry.subject());
            if (entry.bodyHtml() != null) {
                helper.setText(entry.bodyText(), entry.bodyHtml());
            } else {
                helper.setText(entry.bodyText());
            }
            // JavaMailSenderImpl keeps a Message-ID set before sending: the same one on every attempt
            message.setHeader("Message-ID", entry.messageId());
            return message;
        } catch (MessagingException e) {
            throw new MailSendException("The message could not be composed: " + e.getMessage(), e);
        }
    }

    /** A refusal for good: the relay's 5xx for the address or the message, or an address that is no address. */
    static boolean permanent(Throwable failure) {
        for (Throwable t : causes(failure)) {
            if (t instanceof AddressException) {
                return true;
            }
            if (t instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable failure) {
        String reason = null;
        for (Throwable t : causes(failure)) {
            if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException || t instanceof AddressException) {
                return t.getMessage() == null ? t.toString() : t.getMessage().strip();
            }
            if (t.getMessage() != null) {
                reason = t.getMessage().strip();
            }
        }
        return reason == null ? failure.toString() : reason;
    }

    /** The exception, its causes, a MessagingException's next exceptions and a MailSendException's failed messages. */
    private static List<Throwable> causes(Throwable failure) {
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = new HashSet<>();
        List<Throwable> all = new java.util.ArrayList<>();
        while (!todo.isEmpty()) {
            Throwable t = todo.pop();
            if (!seen.add(t)) {
                continue;
            }
            all.add(t);
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                todo.add(m.getNextException());
            }
            if (t instanceof MailSendException send) {
                send.getFailedMessages().values().forEach(todo::add);
            }
        }
        return all;
    }
}
