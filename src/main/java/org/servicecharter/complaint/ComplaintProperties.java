package org.servicecharter.complaint;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of complaint handling ({@code servicecharter.complaint.*}). The categories and channels listed here
 * are the ones the intake accepts; the classification DMN must decide every combination (a test checks it).
 * {@code emailChannels}: the channels whose complaints need the customer's e-mail address (the others need an address
 * or a phone number). {@code recoveryThreshold}: a survey rating at or below it reopens the complaint for service
 * recovery (taken into each complaint when it is registered).
 */
@ConfigurationProperties("servicecharter.complaint")
public record ComplaintProperties(
        @DefaultValue("P14D") Duration surveyExpiresAfter,
        @DefaultValue({"billing", "delivery", "product", "service", "staff-behaviour", "other"}) List<String> categories,
        @DefaultValue({"email", "phone", "web", "in-person"}) List<String> channels,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue({"email", "web"}) List<String> emailChannels,
        @DefaultValue("2") int recoveryThreshold) {

    public ComplaintProperties {
        if (recoveryThreshold < 0 || recoveryThreshold > 5) {
            throw new IllegalStateException("servicecharter.complaint.recovery-threshold must be between 0 (never reopen)"
                    + " and 5 (reopen after every answer); it is " + recoveryThreshold);
        }
    }
}
