package org.servicecharter.complaint;

import org.servicecharter.platform.ServiceHours;
import org.servicecharter.platform.governance.ModelCallable;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Due dates for the complaint model. {@code ${complaintSla.dueIn(slaDuration)}}: the SLA, counted in the department's
 * service hours ({@code servicecharter.service-hours}); the model uses it for the agent's and the service recovery's
 * due date and as the date of the SLA and manager escalation timers. {@code ${complaintSla.dueInCalendarTime(d)}}:
 * calendar time, for the customer's survey window (the same window as the e-mailed survey link's).
 */
@ModelCallable
@Component("complaintSla")
public class ComplaintSla {

    private final ServiceHours serviceHours;

    public ComplaintSla(ServiceHours serviceHours) {
        this.serviceHours = serviceHours;
    }

    /** Now (the engine's clock) plus an ISO-8601 duration of service time such as PT4H or P2D (two service days). */
    public Date dueIn(String isoDuration) {
        return serviceHours.dueIn(isoDuration);
    }

    /** Now (the engine's clock) plus an ISO-8601 duration of calendar time such as P14D. */
    public Date dueInCalendarTime(String isoDuration) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return Date.from(now.plus(Duration.parse(isoDuration)));
    }
}
