package org.servicecharter.complaint;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of complaint handling ({@code servicecharter.complaint.*}). The categories and channels listed here
 * are the ones the intake accepts; the classification DMN must decide every combination (a test checks it).
 */
@ConfigurationProperties("servicecharter.complaint")
public record ComplaintProperties(
        @DefaultValue("P14D") Duration surveyExpiresAfter,
        @DefaultValue({"billing", "delivery", "product", "service", "staff-behaviour", "other"}) List<String> categories,
        @DefaultValue({"email", "phone", "web", "in-person"}) List<String> channels,
        @DefaultValue("http://localhost:8080") String publicBaseUrl) {
}
