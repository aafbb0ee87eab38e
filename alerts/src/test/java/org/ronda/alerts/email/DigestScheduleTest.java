package org.ronda.alerts.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Local tops of the hour and daily hours across time zones and daylight-saving switches. Pure logic. */
class DigestScheduleTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");

    @Test
    void jakartaHasWholeHourOffsetAndNoDst() {
        // 10:20 WIB (UTC+7)
        Instant now = Instant.parse("2026-06-01T03:20:00Z");
        assertThat(DigestSchedule.hourStart(now, JAKARTA)).isEqualTo(Instant.parse("2026-06-01T03:00:00Z"));
        assertThat(DigestSchedule.nextTopOfHour(now, JAKARTA)).isEqualTo(Instant.parse("2026-06-01T04:00:00Z"));
    }

    @Test
    void kolkataTopOfTheHourIsHalfPastInUtc() {
        // 10:05 IST (UTC+5:30) is 04:35 UTC; the local hour started at 04:30 UTC and the next one is 05:30 UTC.
        Instant now = Instant.parse("2026-06-01T04:35:00Z");
        assertThat(DigestSchedule.hourStart(now, KOLKATA)).isEqualTo(Instant.parse("2026-06-01T04:30:00Z"));
        assertThat(DigestSchedule.nextTopOfHour(now, KOLKATA)).isEqualTo(Instant.parse("2026-06-01T05:30:00Z"));
        // 04:10 UTC is 09:40 IST: the next local hour is 10:00 IST = 04:30 UTC, not 05:00 UTC.
        assertThat(DigestSchedule.nextTopOfHour(Instant.parse("2026-06-01T04:10:00Z"), KOLKATA))
                .isEqualTo(Instant.parse("2026-06-01T04:30:00Z"));
    }

    @Test
    void exactlyOnTheHourTheNextDigestIsAnHourLater() {
        Instant now = Instant.parse("2026-06-01T04:00:00Z");
        assertThat(DigestSchedule.nextTopOfHour(now, JAKARTA)).isEqualTo(Instant.parse("2026-06-01T05:00:00Z"));
    }

    @Test
    void newYorkSpringForwardSkipsTheMissingHour() {
        // 2026-03-08: 02:00 EST jumps to 03:00 EDT. 01:30 EST = 06:30 UTC; next local top of hour is 03:00 EDT = 07:00 UTC.
        Instant now = Instant.parse("2026-03-08T06:30:00Z");
        assertThat(DigestSchedule.nextTopOfHour(now, NEW_YORK)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        assertThat(Instant.parse("2026-03-08T07:00:00Z").atZone(NEW_YORK).getHour()).isEqualTo(3);
    }

    @Test
    void newYorkFallBackHasTwoOneOClocks() {
        // 2026-11-01: 02:00 EDT falls back to 01:00 EST. 01:30 EDT = 05:30 UTC; next top is 01:00 EST = 06:00 UTC.
        Instant firstOneThirty = Instant.parse("2026-11-01T05:30:00Z");
        assertThat(DigestSchedule.hourStart(firstOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T05:00:00Z"));
        assertThat(DigestSchedule.nextTopOfHour(firstOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        // In the second 01:xx (EST) the hour window starts at 06:00 UTC, not at the first 01:00.
        Instant secondOneThirty = Instant.parse("2026-11-01T06:30:00Z");
        assertThat(DigestSchedule.hourStart(secondOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T06:00:00Z"));
        assertThat(DigestSchedule.nextTopOfHour(secondOneThirty, NEW_YORK)).isEqualTo(Instant.parse("2026-11-01T07:00:00Z"));
    }

    @Test
    void dailyDigestKeepsItsLocalHourAcrossBerlinSpringSwitch() {
        // 2026-03-29: Berlin moves from UTC+1 to UTC+2. Daily hour 8.
        Instant saturdayAfterDigest = Instant.parse("2026-03-28T09:00:00Z"); // 10:00 CET
        assertThat(DigestSchedule.nextDaily(saturdayAfterDigest, BERLIN, 8)).isEqualTo(Instant.parse("2026-03-29T06:00:00Z")); // 08:00 CEST
        Instant sundayEarly = Instant.parse("2026-03-29T00:30:00Z"); // 01:30 CET
        assertThat(DigestSchedule.nextDaily(sundayEarly, BERLIN, 8)).isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }

    @Test
    void dailyHourInsideTheSpringGapGoesOutRightAfterIt() {
        // 02:00 does not exist in New York on 2026-03-08; the digest goes at 03:00 EDT = 07:00 UTC.
        Instant evening = Instant.parse("2026-03-08T01:00:00Z"); // 20:00 EST on the 7th
        assertThat(DigestSchedule.nextDaily(evening, NEW_YORK, 2)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void dailyHourInTheAutumnOverlapGoesAtTheFirstOne() {
        Instant evening = Instant.parse("2026-11-01T01:00:00Z"); // 21:00 EDT on 31 Oct
        assertThat(DigestSchedule.nextDaily(evening, NEW_YORK, 1)).isEqualTo(Instant.parse("2026-11-01T05:00:00Z")); // 01:00 EDT
        // Once that went out, the next one is the following day, not the second 01:00 an hour later.
        assertThat(DigestSchedule.nextDaily(Instant.parse("2026-11-01T05:00:00Z"), NEW_YORK, 1)).isEqualTo(Instant.parse("2026-11-02T06:00:00Z"));
    }

    @Test
    void dailyHourAlreadyPassedTodayIsTomorrow() {
        Instant jakartaNoon = Instant.parse("2026-06-01T05:00:00Z"); // 12:00 WIB
        assertThat(DigestSchedule.nextDaily(jakartaNoon, JAKARTA, 7)).isEqualTo(Instant.parse("2026-06-02T00:00:00Z"));
        assertThat(DigestSchedule.nextDaily(jakartaNoon, JAKARTA, 18)).isEqualTo(Instant.parse("2026-06-01T11:00:00Z"));
    }
}
