package org.servicecharter.handbook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of handbook sign-off ({@code servicecharter.handbook.*}).
 *
 * @param reminderBefore          how long before the sign-off deadline the employee is reminded
 * @param lateJoinerSignOffWithin an employee who joins later gets at least this long to sign
 * @param lateJoinerCheck         how often a version in force looks for employees who joined (ISO-8601 cycle)
 * @param employeesGroup          whose sign-off a version asks for
 * @param verifyLinkedDocuments   fetch a linked document at publication and check its SHA-256
 * @param documentFetchTimeout    how long fetching a linked document may take in all: name look-ups, connections,
 *                                redirects and the whole body
 * @param maxDocumentSize         the largest handbook document (linked or uploaded)
 * @param allowHttpLinks          accept {@code http} links besides {@code https} (off: a link is fetched only over TLS)
 * @param trustedDocumentHosts    hosts the server may fetch linked documents from although they are not on the public
 *                                internet (an intranet server): {@code host} (any port) or {@code host:port}, IPv6
 *                                literals in brackets; every other host must resolve to public addresses only
 */
@ConfigurationProperties("servicecharter.handbook")
public record HandbookProperties(
        @DefaultValue("P2D") Duration reminderBefore,
        @DefaultValue("P14D") Duration lateJoinerSignOffWithin,
        @DefaultValue("R/PT1H") String lateJoinerCheck,
        @DefaultValue("employees") String employeesGroup,
        @DefaultValue("true") boolean verifyLinkedDocuments,
        @DefaultValue("PT10S") Duration documentFetchTimeout,
        @DefaultValue("10MB") DataSize maxDocumentSize,
        @DefaultValue("false") boolean allowHttpLinks,
        @DefaultValue List<String> trustedDocumentHosts) {
}
