package org.ronda.tagging.gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Small gazetteers written by the tests, and the folding that evidence terms must show. */
final class TestGazetteers {

    static final GazetteerSchema COUNTRIES = new GazetteerSchema("country",
            Set.of("name", "demonym", "city", "hub"), Set.of(Locale.getISOCountries())::contains, "ISO 3166-1 alpha-2");

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u00A0\\-\\u2010-\\u2015]+");

    private TestGazetteers() {
    }

    /** Writes {@code lines} (columns separated by " | " for readability) as a gazetteer file. */
    static Path write(Path dir, String... lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line.replace(" | ", "\t")).append('\n');
        }
        Path file = dir.resolve("test.tsv");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    static Gazetteer load(Path dir, String... lines) {
        return Gazetteer.fromFile(write(dir, lines), COUNTRIES);
    }

    /** What an evidence term must be for the text it points at: NFC, lower case, separators as one space. */
    static String folded(String matched) {
        String nfc = Normalizer.normalize(matched, Normalizer.Form.NFC).replace('\u2019', '\'');
        return SEPARATORS.matcher(nfc.toLowerCase(Locale.ROOT)).replaceAll(" ");
    }
}
