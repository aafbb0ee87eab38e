package org.ronda.tagging.place;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.ronda.contracts.EntityTag;
import org.ronda.tagging.gazetteer.Gazetteer;
import org.ronda.tagging.gazetteer.GazetteerSchema;

/**
 * Finds the countries an article names, as ISO 3166-1 alpha-2 codes ({@code EU} for the European
 * Union), from the names, demonyms, capitals, cities and crime hubs of {@code gazetteer/countries.tsv}
 * in the region's languages. A hub that spans borders tags every country it touches: "Golden
 * Triangle" gives TH, LA and MM. Matching rules: {@link Gazetteer}. Immutable and thread-safe.
 */
public final class CountryTagger {

    /** The bundled gazetteer, on the classpath. */
    public static final String DEFAULT_GAZETTEER = "/gazetteer/countries.tsv";

    /** Kinds of name that countries.tsv may list. */
    public static final GazetteerSchema SCHEMA = new GazetteerSchema(
            "country",
            Set.of("name", "variant", "demonym", "capital", "city", "region", "hub"),
            CountryTagger::isCountryCode,
            "an ISO 3166-1 alpha-2 code in capitals, or EU");

    private static final Set<String> ISO_CODES = Set.of(Locale.getISOCountries());

    private final Gazetteer gazetteer;

    private CountryTagger(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** The tagger with the bundled gazetteer; throws {@code GazetteerException} if it is broken. */
    public static CountryTagger loadDefault() {
        return new CountryTagger(Gazetteer.fromClasspath(DEFAULT_GAZETTEER, SCHEMA));
    }

    /** A tagger with the gazetteer in {@code file}, to try a changed list without a rebuild. */
    public static CountryTagger load(Path file) {
        return new CountryTagger(Gazetteer.fromFile(file, SCHEMA));
    }

    /**
     * The countries named in an article, most mentioned first (ties: first mentioned first).
     *
     * @param title headline, may be null
     * @param text  body, may be null
     * @return one tag per country, with one evidence per mention (UTF-16 offsets into the field as
     *     given; term = the matched text in lower case)
     */
    public List<EntityTag> tag(String title, String text) {
        return gazetteer.tag(title, text);
    }

    /** The country codes the gazetteer can produce. */
    public Set<String> codes() {
        return gazetteer.ids();
    }

    @Override
    public String toString() {
        return "CountryTagger[" + gazetteer + "]";
    }

    static boolean isCountryCode(String id) {
        // EU is "exceptionally reserved" in ISO 3166-1, so Locale does not list it.
        return "EU".equals(id) || ISO_CODES.contains(id);
    }
}
