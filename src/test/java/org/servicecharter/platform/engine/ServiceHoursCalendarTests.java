package org.servicecharter.platform.engine;

import static org.assertj.core.api.Assertions.*;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The service-hours calendar: SLA durations count open hours and service days, not calendar time. */
class ServiceHoursCalendarTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Monday-Friday 08:00-18:00 in Berlin; 2026-12-25 (a Friday) and 2026-12-28 (a Monday) are holidays
    private final ServiceHoursCalendar calendar = new ServiceHoursProperties("MONDAY-FRIDAY", "08:00-18:00",
            "Europe/Berlin", List.of("2026-12-25", "2026-12-28")).calendar();

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void hoursThatDoNotFitTheDayContinueAtTheNextOpening() {
        // Friday 2026-03-06 17:00 + 2 hours: one hour on Friday, one on Monday
        assertThat(calendar.add(at("2026-03-06T17:00"), "PT2H")).isEqualTo(at("2026-03-09T09:00"));
        assertThat(calendar.add(at("2026-03-02T09:00"), "PT8H")).isEqualTo(at("2026-03-02T17:00"));
        assertThat(calendar.add(at("2026-03-02T09:00"), "PT9H")).as("due at closing").isEqualTo(at("2026-03-02T18:00"));
        assertThat(calendar.add(at("2026-03-02T09:00"), "PT12H")).isEqualTo(at("2026-03-03T11:00"));
    }

    @Test
    void aDayIsOneServiceDay() {
        assertThat(calendar.add(at("2026-03-02T09:00"), "P1D")).isEqualTo(at("2026-03-03T09:00"));
        assertThat(calendar.add(at("2026-03-06T10:30"), "P1D")).as("Friday to Monday").isEqualTo(at("2026-03-09T10:30"));
        assertThat(calendar.add(at("2026-03-02T09:00"), "P3D")).isEqualTo(at("2026-03-05T09:00"));
        assertThat(calendar.add(at("2026-03-02T09:00"), "P1W")).as("a week of five service days").isEqualTo(at("2026-03-09T09:00"));
        assertThat(calendar.add(at("2026-03-06T17:00"), "P1DT2H")).isEqualTo(at("2026-03-10T09:00"));
    }

    @Test
    void publicHolidaysAreSkipped() {
        // Thursday 2026-12-24 17:00 + 2 hours: Friday 25th and Monday 28th are holidays
        assertThat(calendar.add(at("2026-12-24T17:00"), "PT2H")).isEqualTo(at("2026-12-29T09:00"));
        assertThat(calendar.add(at("2026-12-24T10:00"), "P1D")).isEqualTo(at("2026-12-29T10:00"));
    }

    @Test
    void aStartOutsideTheServiceHoursCountsFromTheNextOpening() {
        assertThat(calendar.add(at("2026-03-02T06:30"), "PT4H")).as("before opening").isEqualTo(at("2026-03-02T12:00"));
        assertThat(calendar.add(at("2026-03-02T19:00"), "PT4H")).as("after closing").isEqualTo(at("2026-03-03T12:00"));
        assertThat(calendar.add(at("2026-03-07T12:00"), "PT4H")).as("on Saturday").isEqualTo(at("2026-03-09T12:00"));
        assertThat(calendar.add(at("2026-03-07T12:00"), "P1D")).as("a day from Saturday").isEqualTo(at("2026-03-10T08:00"));
        assertThat(calendar.add(at("2026-03-02T18:00"), "PT1H")).as("at closing").isEqualTo(at("2026-03-03T09:00"));
    }

    @Test
    void theTimeZoneIsTheDepartmentsAcrossDaylightSavingTime() {
        // Berlin moves to summer time on Sunday 2026-03-29: Friday 17:00 + 2 hours is still Monday 09:00 local time
        assertThat(calendar.add(at("2026-03-27T17:00"), "PT2H")).isEqualTo(at("2026-03-30T09:00"));
        assertThat(at("2026-03-30T09:00")).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
    }

    @Test
    void aroundTheClockIsCalendarTime() {
        ServiceHoursCalendar always = new ServiceHoursProperties("MONDAY-SUNDAY", "00:00-24:00", "UTC", List.of()).calendar();
        Instant saturdayNight = Instant.parse("2026-03-07T23:30:00Z");
        assertThat(always.add(saturdayNight, "PT2H")).isEqualTo(Instant.parse("2026-03-08T01:30:00Z"));
        assertThat(always.add(saturdayNight, "P1D")).isEqualTo(Instant.parse("2026-03-08T23:30:00Z"));
        assertThat(always.add(saturdayNight, "P3DT30M")).isEqualTo(Instant.parse("2026-03-11T00:00:00Z"));
    }

    @Test
    void theEnginesBusinessCalendarInterfaceGivesTheSameDate() {
        Date start = Date.from(at("2026-03-06T17:00"));
        assertThat(calendar.resolveDuedate("PT2H", start)).isEqualTo(Date.from(at("2026-03-09T09:00")));
    }

    @Test
    void durationsWithoutAFixedNumberOfServiceDaysOrNoDurationAreRefusedWithASentence() {
        assertThatThrownBy(() -> calendar.add(at("2026-03-02T09:00"), "P1M"))
                .hasMessage("The duration \"P1M\" counts years or months, which have no fixed number of service days;"
                        + " give days or weeks (for example P20D)");
        for (String wrong : List.of("", "4 hours", "P", "PT", "-PT1H", "PT-1H", "R3/PT1H")) {
            assertThatThrownBy(() -> calendar.add(at("2026-03-02T09:00"), wrong))
                    .hasMessage("The duration \"" + wrong + "\" is not an ISO-8601 duration of service time such as PT4H,"
                            + " P1D or P1DT4H");
        }
    }

    @Test
    void wrongSettingsStopTheStartWithASentenceNamingTheProperty() {
        assertThatThrownBy(() -> new ServiceHoursProperties("MONDAY-FRYDAY", "08:00-18:00", "UTC", List.of()))
                .hasMessage("servicecharter.service-hours.days is \"MONDAY-FRYDAY\": give the working days as English day"
                        + " names or ranges, for example MONDAY-FRIDAY or MONDAY-THURSDAY, SATURDAY.");
        assertThatThrownBy(() -> new ServiceHoursProperties("MONDAY-FRIDAY", "8-18", "UTC", List.of()))
                .hasMessageStartingWith("servicecharter.service-hours.hours is \"8-18\": give the opening and closing time");
        assertThatThrownBy(() -> new ServiceHoursProperties("MONDAY-FRIDAY", "18:00-08:00", "UTC", List.of()))
                .hasMessage("servicecharter.service-hours.hours is \"18:00-08:00\": the closing time must be after the"
                        + " opening time on the same day.");
        assertThatThrownBy(() -> new ServiceHoursProperties("MONDAY-FRIDAY", "08:00-18:00", "Mars/Olympus", List.of()))
                .hasMessage("servicecharter.service-hours.time-zone is \"Mars/Olympus\": give a time zone such as"
                        + " Europe/Berlin or UTC.");
        assertThatThrownBy(() -> new ServiceHoursProperties("MONDAY-FRIDAY", "08:00-18:00", "UTC", List.of("25.12.2026")))
                .hasMessage("servicecharter.service-hours.holidays is \"25.12.2026\": give each public holiday as a date"
                        + " such as 2026-12-25.");
        assertThat(new ServiceHoursProperties("FRIDAY-MONDAY, WEDNESDAY", "07:30-24:00", "UTC", List.of("")).calendar()
                .isServiceDay(java.time.LocalDate.parse("2026-03-08"))).as("a range across the weekend").isTrue();
    }

    @EnableConfigurationProperties(ServiceHoursProperties.class)
    static class Settings {
    }

    @Test
    void theApplicationDoesNotStartWithWrongServiceHoursAndSaysWhichPropertyIsWrong() {
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("servicecharter.service-hours.holidays=2026-12-25, 2026-13-01")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessage("servicecharter.service-hours.holidays is \"2026-13-01\": give each public holiday as"
                                + " a date such as 2026-12-25."));
        new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .run(context -> assertThat(context.getBean(ServiceHoursProperties.class))
                        .as("the quick start's defaults").isEqualTo(new ServiceHoursProperties("MONDAY-FRIDAY",
                                "08:00-18:00", "UTC", List.of())));
    }
}
