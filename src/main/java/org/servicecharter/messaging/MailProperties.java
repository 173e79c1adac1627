package org.servicecharter.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How messages leave the outbox ({@code servicecharter.mail.*}); the relay itself is Spring Boot's {@code spring.mail.*}.
 *
 * @param from            the sender of every message (an address the relay accepts as sender)
 * @param departmentName  the name each message is signed with
 * @param templatesDir    a folder whose {@code <name>.txt} / {@code <name>.html} replace the built-in texts (optional)
 * @param pollInterval    how often a node looks for messages due
 * @param batchSize       how many messages a node claims at once
 * @param lease           how long a claimed message is this node's; a node that dies mid-send loses it after this time
 * @param retryInitial    the wait after the first failed attempt; doubled after each further one
 * @param retryMax        the longest wait between two attempts
 * @param giveUpAfter     a message not delivered this long after it was queued is marked failed
 * @param sender          whether this node sends (the tests drive sending themselves)
 * @param embedded        the SMTP server started inside the application when {@code spring.mail.host} is not set
 */
@ConfigurationProperties("servicecharter.mail")
public record MailProperties(
        @DefaultValue("Service Charter <no-reply@service-charter.example>") String from,
        @DefaultValue("Customer Service") String departmentName,
        @DefaultValue("") String templatesDir,
        @DefaultValue("PT5S") Duration pollInterval,
        @DefaultValue("20") int batchSize,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("PT30S") Duration retryInitial,
        @DefaultValue("PT30M") Duration retryMax,
        @DefaultValue("PT24H") Duration giveUpAfter,
        @DefaultValue Sender sender,
        @DefaultValue Embedded embedded) {

    /** @param enabled whether the scheduled sender runs on this node */
    public record Sender(@DefaultValue("true") boolean enabled) {
    }

    /** @param host the loopback address the embedded server listens on; @param port its port, 0 for a free one */
    public record Embedded(@DefaultValue("127.0.0.1") String host, @DefaultValue("0") int port) {
    }
}
