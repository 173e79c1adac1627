package org.servicecharter.correctiveaction;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of corrective action ({@code servicecharter.corrective-action.*}). The ladder and its look-back window
 * are business rules in {@code processes/corrective-action-ladder.dmn}, not here.
 *
 * @param monitoringPeriod how long the employee's behaviour is monitored after an action (ISO-8601 period, e.g. P6M);
 *                         a clean period closes the case, a substantiated repeat complaint escalates
 */
@ConfigurationProperties("servicecharter.corrective-action")
public record CorrectiveActionProperties(@DefaultValue("P6M") Period monitoringPeriod) {
}
