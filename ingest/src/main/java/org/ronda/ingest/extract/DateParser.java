package org.ronda.ingest.extract;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates that news pages state: ISO 8601 and RFC 1123 values of metadata, the numeric and
 * month-name forms of the region's sites in visible text, and the date in an article's URL. The
 * offset a date states is kept; a date without one gets the caller's fallback offset.
 */
final class DateParser {

    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|(?:UTC|GMT)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?)?");
    /** 5/10/2026 08:30, 05-10-2026, 5.10.2026 - day first, as everywhere in the region. */
    private static final Pattern DAY_FIRST = Pattern.compile(
            "(?<!\\d)(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})(?!\\d)(?:\\D{0,6}?(\\d{1,2})[:h.](\\d{2})(?::(\\d{2}))?)?");
    private static final Pattern MONTH_NAME_DAY_FIRST = Pattern.compile(
            "(?<!\\d)(\\d{1,2})\\s*(?:th|st|nd|rd)?\\s+([\\p{L}\\p{M}.]+)\\s*,?\\s+(\\d{4})(?!\\d)(?:\\D{0,12}?(\\d{1,2})[:.](\\d{2})\\s*([ap]\\.?m\\.?)?)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern MONTH_NAME_FIRST = Pattern.compile(
            "([\\p{L}.]+)\\s+(\\d{1,2}),?\\s+(\\d{4})(?!\\d)(?:\\D{0,12}?(\\d{1,2})[:.](\\d{2})\\s*([ap]\\.?m\\.?)?)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ZONE_IN_TEXT = Pattern.compile(
            "(?:GMT|UTC)\\s*([+-])\\s*(\\d{1,2})(?::?(\\d{2}))?|\\b(WIB|WITA|WIT|ICT|MYT|SGT|PHT|PHST|MMT)\\b");
    private static final Map<String, ZoneOffset> ZONE_ABBREVIATIONS = Map.of(
            "WIB", ZoneOffset.ofHours(7), "WITA", ZoneOffset.ofHours(8), "WIT", ZoneOffset.ofHours(9),
            "ICT", ZoneOffset.ofHours(7), "MYT", ZoneOffset.ofHours(8), "SGT", ZoneOffset.ofHours(8),
            "PHT", ZoneOffset.ofHours(8), "PHST", ZoneOffset.ofHours(8), "MMT", ZoneOffset.ofHoursMinutes(6, 30));
    /** /2026/10/05/, /2026-10-05-, _2026_10_05 in a URL path. */
    private static final Pattern URL_DATE = Pattern.compile(
            "(?<![\\d])((?:19|20)\\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\\d|3[01])(?![\\d])");
    /** story20261005-123 or /20261005/ in a URL path: eight digits that are not part of a longer number. */
    private static final Pattern URL_COMPACT_DATE = Pattern.compile(
            "(?<![\\d])((?:19|20)\\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])(?![\\d])");
    /**
     * Years of the Thai solar calendar (Buddhist era) are 543 ahead; a year this large is one of them.
     */
    private static final int BUDDHIST_ERA_FROM = 2400;
    private static final int BUDDHIST_ERA_OFFSET = 543;

    private static final Map<String, Integer> MONTHS = months();

    /**
     * The offset of the time zone that most of a language's news is written in, for dates that
     * state none. Indonesia spans three zones; WIB (Jakarta) is where most of its press is.
     */
    private static final Map<String, ZoneOffset> REGIONAL_OFFSETS = Map.ofEntries(
            Map.entry("vi", ZoneOffset.ofHours(7)), Map.entry("th", ZoneOffset.ofHours(7)),
            Map.entry("km", ZoneOffset.ofHours(7)), Map.entry("lo", ZoneOffset.ofHours(7)),
            Map.entry("id", ZoneOffset.ofHours(7)), Map.entry("ms", ZoneOffset.ofHours(8)),
            Map.entry("zh", ZoneOffset.ofHours(8)), Map.entry("tl", ZoneOffset.ofHours(8)),
            Map.entry("fil", ZoneOffset.ofHours(8)), Map.entry("my", ZoneOffset.ofHoursMinutes(6, 30)));

    /** The offsets of the region's countries, each in one zone for its press (Indonesia: WIB). */
    private static final Map<String, ZoneOffset> COUNTRY_OFFSETS = Map.ofEntries(
            Map.entry("VN", ZoneOffset.ofHours(7)), Map.entry("TH", ZoneOffset.ofHours(7)), Map.entry("KH", ZoneOffset.ofHours(7)),
            Map.entry("LA", ZoneOffset.ofHours(7)), Map.entry("ID", ZoneOffset.ofHours(7)), Map.entry("MY", ZoneOffset.ofHours(8)),
            Map.entry("SG", ZoneOffset.ofHours(8)), Map.entry("PH", ZoneOffset.ofHours(8)), Map.entry("BN", ZoneOffset.ofHours(8)),
            Map.entry("TL", ZoneOffset.ofHours(9)), Map.entry("MM", ZoneOffset.ofHoursMinutes(6, 30)));

    private DateParser() {
    }

    /** The offset of a country of the region by its ISO 3166 code ({@code MY}), if it is one. */
    static Optional<ZoneOffset> offsetOfRegion(String region) {
        return region == null ? Optional.empty() : Optional.ofNullable(COUNTRY_OFFSETS.get(region));
    }

    /** The offset to assume for a page in {@code language} whose dates state none, if the language tells one. */
    static Optional<ZoneOffset> regionalOffset(String language) {
        return language == null ? Optional.empty() : Optional.ofNullable(REGIONAL_OFFSETS.get(language));
    }

    /** True when {@code text} is a date that states its own offset or zone, so that {@link #parse} needs no fallback. */
    static boolean statesOffset(String text) {
        return parse(text, null).isPresent();
    }

    /**
     * A date in a metadata value or a short visible text.
     *
     * @param text     for example {@code 2026-10-05T08:30:00+07:00}, {@code Thứ hai, 5/10/2026, 08:30 (GMT+7)}
     *                 or {@code 5 Oktober 2026 | 14:20 WIB}
     * @param fallback the offset of a date that states none; null to refuse such a date
     */
    static Optional<OffsetDateTime> parse(String text, ZoneOffset fallback) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.isEmpty() || t.length() > 200) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(t));
        } catch (DateTimeParseException e) {
            // the laxer forms below
        }
        try {
            return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toOffsetDateTime());
        } catch (DateTimeParseException e) {
            // the laxer forms below
        }
        Matcher iso = ISO_LIKE.matcher(t);
        if (iso.lookingAt()) {
            ZoneOffset offset = iso.group(7) != null ? isoOffset(iso.group(7)) : zoneIn(t).orElse(fallback);
            if (offset == null) {
                return Optional.empty();
            }
            return build(iso.group(1), iso.group(2), iso.group(3), iso.group(4), iso.group(5), iso.group(6), null, offset);
        }
        ZoneOffset offset = zoneIn(t).orElse(fallback);
        if (offset == null) {
            return Optional.empty();
        }
        Matcher dayFirst = DAY_FIRST.matcher(t);
        if (dayFirst.find()) {
            return build(dayFirst.group(3), dayFirst.group(2), dayFirst.group(1), dayFirst.group(4), dayFirst.group(5),
                    dayFirst.group(6), null, offset);
        }
        Matcher named = MONTH_NAME_DAY_FIRST.matcher(t);
        while (named.find()) {
            Integer month = MONTHS.get(monthKey(named.group(2)));
            if (month != null) {
                return build(named.group(3), month.toString(), named.group(1), named.group(4), named.group(5), null,
                        named.group(6), offset);
            }
        }
        Matcher monthFirst = MONTH_NAME_FIRST.matcher(t);
        while (monthFirst.find()) {
            Integer month = MONTHS.get(monthKey(monthFirst.group(1)));
            if (month != null) {
                return build(monthFirst.group(3), month.toString(), monthFirst.group(2), monthFirst.group(4),
                        monthFirst.group(5), null, monthFirst.group(6), offset);
            }
        }
        return Optional.empty();
    }

    /**
     * The date in a URL's path ({@code /2026/10/05/}, {@code /2026-10-05-}, {@code story20261005-}), as the start
     * of that day at {@code offset}. Query strings are not read: their numbers are ids and timestamps of
     * tracking, not of publication.
     */
    static Optional<OffsetDateTime> fromUrl(String url, ZoneOffset offset) {
        if (url == null) {
            return Optional.empty();
        }
        String path = pathOf(url);
        for (Pattern pattern : new Pattern[] {URL_DATE, URL_COMPACT_DATE}) {
            Matcher m = pattern.matcher(path);
            while (m.find()) {
                Optional<OffsetDateTime> date = build(m.group(1), m.group(2), m.group(3), null, null, null, null, offset);
                if (date.isPresent()) {
                    return date;
                }
            }
        }
        return Optional.empty();
    }

    private static String pathOf(String url) {
        int start = url.indexOf("://");
        int pathStart = start < 0 ? 0 : url.indexOf('/', start + 3);
        if (pathStart < 0) {
            return "";
        }
        int end = url.length();
        for (char stop : new char[] {'?', '#'}) {
            int at = url.indexOf(stop, pathStart);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return url.substring(pathStart, end);
    }

    private static Optional<OffsetDateTime> build(String year, String month, String day, String hour, String minute,
            String second, String amPm, ZoneOffset offset) {
        try {
            int y = Integer.parseInt(year);
            if (y >= BUDDHIST_ERA_FROM) {
                y -= BUDDHIST_ERA_OFFSET;
            }
            LocalDate date = LocalDate.of(y, Integer.parseInt(month), Integer.parseInt(day));
            LocalTime time = LocalTime.MIDNIGHT;
            if (hour != null && minute != null) {
                int h = Integer.parseInt(hour);
                if (amPm != null) {
                    boolean pm = Character.toLowerCase(amPm.charAt(0)) == 'p';
                    h = h % 12 + (pm ? 12 : 0);
                }
                time = LocalTime.of(h, Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
            }
            return Optional.of(OffsetDateTime.of(LocalDateTime.of(date, time), offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset isoOffset(String zone) {
        String z = zone.strip().toUpperCase(Locale.ROOT);
        if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        z = z.replace("UTC", "").replace("GMT", "").replace(" ", "");
        char sign = z.charAt(0);
        String digits = z.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.length() <= 2 ? digits : digits.substring(0, digits.length() - 2));
        int minutes = digits.length() <= 2 ? 0 : Integer.parseInt(digits.substring(digits.length() - 2));
        return sign == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    private static Optional<ZoneOffset> zoneIn(String text) {
        Matcher m = ZONE_IN_TEXT.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        if (m.group(4) != null) {
            return Optional.of(ZONE_ABBREVIATIONS.get(m.group(4)));
        }
        try {
            int hours = Integer.parseInt(m.group(2));
            int minutes = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            return Optional.of(m.group(1).equals("-") ? ZoneOffset.ofHoursMinutes(-hours, -minutes)
                    : ZoneOffset.ofHoursMinutes(hours, minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String monthKey(String word) {
        return word.toLowerCase(Locale.ROOT).replace(".", "");
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> m = new HashMap<>();
        String[][] names = {
            // English, Malay, Indonesian, Tagalog full names and abbreviations; Thai full and abbreviated
            {"january", "jan", "januari", "enero", "ene", "มกราคม", "มค"},
            {"february", "feb", "februari", "pebrero", "peb", "กุมภาพันธ์", "กพ"},
            {"march", "mar", "mac", "maret", "marso", "มีนาคม", "มีค"},
            {"april", "apr", "abril", "เมษายน", "เมย"},
            {"may", "mei", "mayo", "พฤษภาคม", "พค"},
            {"june", "jun", "juni", "hunyo", "มิถุนายน", "มิย"},
            {"july", "jul", "julai", "juli", "hulyo", "กรกฎาคม", "กค"},
            {"august", "aug", "ogos", "agustus", "agu", "ags", "agosto", "สิงหาคม", "สค"},
            {"september", "sep", "sept", "setyembre", "set", "กันยายน", "กย"},
            {"october", "oct", "oktober", "okt", "oktubre", "ตุลาคม", "ตค"},
            {"november", "nov", "nobyembre", "nob", "พฤศจิกายน", "พย"},
            {"december", "dec", "disember", "desember", "dis", "des", "disyembre", "ธันวาคม", "ธค"},
        };
        for (int i = 0; i < names.length; i++) {
            for (String name : names[i]) {
                m.put(name, i + 1);
            }
        }
        return Map.copyOf(m);
    }
}
