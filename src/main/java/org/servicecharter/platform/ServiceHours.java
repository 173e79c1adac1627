package org.servicecharter.platform;

import java.util.Date;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.servicecharter.platform.engine.ServiceHoursCalendar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Due dates in the department's service hours ({@code servicecharter.service-hours}): now on the engine's clock plus
 * an ISO-8601 duration counted only while the department is open, resolved by the engine's business calendar
 * {@value ServiceHoursCalendar#NAME}. The date returned is the one the engine stores as the task's or timer's due
 * date, so figures and the audit trail show it as computed.
 */
@Component
public class ServiceHours {

    private final ObjectProvider<ProcessEngineConfigurationImpl> engine;

    public ServiceHours(ObjectProvider<ProcessEngineConfigurationImpl> engine) {
        this.engine = engine;
    }

    /** Now (the engine's clock) plus {@code isoDuration} of service time, such as PT4H or P1D (one service day). */
    public Date dueIn(String isoDuration) {
        return dueIn(isoDuration, ClockUtil.getCurrentTime());
    }

    /** {@code start} plus {@code isoDuration} of service time. */
    public Date dueIn(String isoDuration, Date start) {
        BusinessCalendar calendar = engine.getObject().getBusinessCalendarManager().getBusinessCalendar(ServiceHoursCalendar.NAME);
        if (calendar == null) {
            throw new IllegalStateException("The engine has no business calendar " + ServiceHoursCalendar.NAME
                    + ": ServiceHoursPlugin did not run");
        }
        return calendar.resolveDuedate(isoDuration, start);
    }
}
