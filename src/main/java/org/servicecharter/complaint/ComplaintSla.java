package org.servicecharter.complaint;

import org.servicecharter.platform.governance.ModelCallable;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** Due dates from SLA durations; the model calls {@code ${complaintSla.dueIn(slaDuration)}}. */
@ModelCallable
@Component("complaintSla")
public class ComplaintSla {

    /** Now (the engine's clock, so tests can move it) plus an ISO-8601 duration such as PT4H or P2D. */
    public Date dueIn(String isoDuration) {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return Date.from(now.plus(Duration.parse(isoDuration)));
    }
}
