package org.ronda.alerts.email;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import org.ronda.contracts.Subscription;

/**
 * When things happen on a subscriber's wall clock. All arithmetic goes through
 * {@link ZonedDateTime} so that daylight-saving switches and zones with half-hour offsets
 * (Asia/Kolkata) land on the subscriber's local top of the hour, not on a UTC one.
 */
final class DigestSchedule {

    private DigestSchedule() {
    }

    /** Start of the local clock hour that contains {@code now} in {@code zone}: the window of the hourly cap. */
    static Instant hourStart(Instant now, ZoneId zone) {
        return now.atZone(zone).truncatedTo(ChronoUnit.HOURS).toInstant();
    }

    /**
     * The next local top of the hour strictly after {@code now}. On a switch day this is one real
     * hour after the current hour's start (01:00 EDT is followed by 01:00 EST on the autumn switch).
     */
    static Instant nextTopOfHour(Instant now, ZoneId zone) {
        return now.atZone(zone).truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
    }

    /**
     * The next time strictly after {@code now} at which the local clock reads {@code hour}:00. When
     * that local time does not exist (a spring-forward gap), the digest goes out at the first
     * instant after the gap, as {@link ZonedDateTime#of} resolves it; when it exists twice (the
     * autumn overlap), at the earlier one.
     */
    static Instant nextDaily(Instant now, ZoneId zone, int hour) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = ZonedDateTime.of(local.toLocalDate(), LocalTime.of(hour, 0), zone);
        if (today.toInstant().isAfter(now)) {
            return today.toInstant();
        }
        return ZonedDateTime.of(local.toLocalDate().plusDays(1), LocalTime.of(hour, 0), zone).toInstant();
    }

    /** When a digest started at {@code now} for {@code email} is due: the next hour, or the next daily hour. */
    static Instant nextDigest(Instant now, Subscription.Email email) {
        ZoneId zone = email.zone();
        return email.mode() == Subscription.EmailMode.DAILY
                ? nextDaily(now, zone, email.dailyHour())
                : nextTopOfHour(now, zone);
    }
}
