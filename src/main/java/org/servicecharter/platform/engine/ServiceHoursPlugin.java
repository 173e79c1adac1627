package org.servicecharter.platform.engine;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendarManager;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Registers the department's service hours ({@code servicecharter.service-hours}) with the engine's business calendar
 * manager as the calendar {@value ServiceHoursCalendar#NAME}, next to the engine's own "duration", "dueDate" and
 * "cycle" calendars, which stay calendar time for the technical timers (retries, survey windows). Models reach it
 * through the published beans that compute SLA due dates ({@code complaintSla.dueIn}, via
 * {@link org.servicecharter.platform.ServiceHours}).
 */
@Component
public class ServiceHoursPlugin extends AbstractProcessEnginePlugin {

    private final ServiceHoursProperties properties;

    public ServiceHoursPlugin(ServiceHoursProperties properties) {
        this.properties = properties;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        BusinessCalendarManager manager = configuration.getBusinessCalendarManager();
        if (!(manager instanceof MapBusinessCalendarManager calendars)) {
            throw new IllegalStateException("The engine's business calendar manager is a "
                    + (manager == null ? "null" : manager.getClass().getName())
                    + ", not the MapBusinessCalendarManager the service hours are added to: revisit ServiceHoursPlugin");
        }
        calendars.addBusinessCalendar(ServiceHoursCalendar.NAME, properties.calendar());
    }
}
