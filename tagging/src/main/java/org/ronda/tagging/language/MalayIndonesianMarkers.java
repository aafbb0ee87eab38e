package org.ronda.tagging.language;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Words that Malay and Indonesian news spell or choose differently ("kerana"/"karena",
 * "wang"/"uang", "polis"/"polisi", "dadah"/"narkoba", "Ogos"/"Agustus"). Lingua's n-gram models
 * separate the two languages by only a few percent, while a paragraph of news nearly always
 * contains two or three of these words, so they decide between the two when Lingua cannot.
 */
final class MalayIndonesianMarkers {

    static final Set<String> MALAY = Set.of(
            "kerana", "bahawa", "wang", "polis", "sahaja", "selepas", "kerajaan", "mahkamah", "dadah",
            "kenyataan", "suspek", "lelaki", "kenderaan", "syarikat", "antarabangsa", "penguatkuasaan",
            "siasatan", "disiasat", "ringgit", "iaitu", "semasa", "jenayah", "percuma", "bahagian",
            "cawangan", "pejabat", "warganegara", "tentera", "agensi", "kakitangan", "pertubuhan", "ubat",
            "dirampas", "rampasan", "sindiket", "syabu", "isnin", "khamis", "jumaat", "ahad", "ogos",
            "julai", "disember");

    static final Set<String> INDONESIAN = Set.of(
            "karena", "bahwa", "uang", "polisi", "saja", "pemerintah", "pengadilan", "narkoba",
            "pernyataan", "tersangka", "pria", "kendaraan", "perusahaan", "internasional", "penyidikan",
            "penyidik", "bisa", "rupiah", "kepolisian", "kabupaten", "kejahatan", "gratis", "bagian",
            "kantor", "tentara", "aparat", "obat", "disita", "sindikat", "sabu", "polres", "polda",
            "senin", "kamis", "jumat", "agustus", "juli", "juni", "maret", "desember");

    // A decision needs at least this many marker words on the winning side...
    private static final int MIN_MARKERS = 2;
    // ...and this many times the other side's count, so a quoted name ("Polis Diraja Malaysia" in
    // Indonesian copy) cannot swing it alone.
    private static final int DOMINANCE = 2;

    private MalayIndonesianMarkers() {
    }

    /** Marker words found in a text. */
    record Count(int malay, int indonesian) {

        /** {@code ms} or {@code id} when one side clearly dominates. */
        Optional<String> decision() {
            if (malay >= MIN_MARKERS && malay >= DOMINANCE * indonesian) {
                return Optional.of("ms");
            }
            if (indonesian >= MIN_MARKERS && indonesian >= DOMINANCE * malay) {
                return Optional.of("id");
            }
            return Optional.empty();
        }

        /** How clear the decision is: the winner's share with one marker's worth of doubt added. */
        double confidence() {
            int winner = Math.max(malay, indonesian);
            return (double) winner / (malay + indonesian + 1);
        }
    }

    static Count count(String text) {
        int malay = 0;
        int indonesian = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && !Character.isLetter(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && Character.isLetter(text.charAt(i))) {
                i++;
            }
            if (i > start) {
                String word = text.substring(start, i).toLowerCase(Locale.ROOT);
                if (MALAY.contains(word)) {
                    malay++;
                } else if (INDONESIAN.contains(word)) {
                    indonesian++;
                }
            }
        }
        return new Count(malay, indonesian);
    }
}
