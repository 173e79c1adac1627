package org.servicecharter.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** Dates as the configured locale writes them; a locale or zone that is not one is refused with a sentence. */
class DatesForPeopleTests {

    static final Instant MOMENT = Instant.parse("2026-12-02T14:05:00Z");

    @Test
    void eachLocaleWritesTheMomentItsOwnWay() {
        assertThat(new DatesForPeople("en-GB", "UTC").when(MOMENT)).isEqualTo("2 Dec 2026, 14:05");
        assertThat(new DatesForPeople("en-US", "UTC").when(MOMENT)).matches("Dec 2, 2026, 2:05\\hPM");
        assertThat(new DatesForPeople("de-DE", "Europe/Berlin").when(MOMENT)).isEqualTo("02.12.2026, 15:05");
        assertThat(new DatesForPeople("en-GB", "UTC").day(MOMENT)).isEqualTo("2 Dec 2026");
        assertThat(new DatesForPeople("en-GB", "UTC").when((Instant) null)).isEmpty();
    }

    @Test
    void aWrongSettingIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new DatesForPeople("not a tag!", "UTC")).hasMessageContaining("servicecharter.locale");
        assertThatThrownBy(() -> new DatesForPeople("en-GB", "Mars/Olympus")).hasMessageContaining("servicecharter.time-zone");
    }
}
