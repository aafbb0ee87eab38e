package org.ronda.tagging.organisation;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ronda.contracts.EntityTag;
import org.ronda.tagging.gazetteer.Gazetteer;
import org.ronda.tagging.gazetteer.GazetteerSchema;

/**
 * Finds the regional, international and national bodies an article names (ASEAN, UNODC, the Royal
 * Malaysia Police, BNN, ...) from {@code gazetteer/organisations.tsv}: one normalised id per body,
 * with its names and abbreviations in the region's languages. Matching rules: {@link Gazetteer}.
 * Immutable and thread-safe.
 */
public final class OrganisationTagger {

    /** The bundled gazetteer, on the classpath. */
    public static final String DEFAULT_GAZETTEER = "/gazetteer/organisations.tsv";

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Kinds of name that organisations.tsv may list. */
    public static final GazetteerSchema SCHEMA = new GazetteerSchema(
            "organisation",
            Set.of("name", "abbreviation", "variant"),
            id -> ID.matcher(id).matches(),
            "lower-case letters and digits in words joined by single dashes, e.g. royal-malaysia-police");

    private final Gazetteer gazetteer;

    private OrganisationTagger(Gazetteer gazetteer) {
        this.gazetteer = Objects.requireNonNull(gazetteer, "gazetteer");
    }

    /** The tagger with the bundled gazetteer; throws {@code GazetteerException} if it is broken. */
    public static OrganisationTagger loadDefault() {
        return new OrganisationTagger(Gazetteer.fromClasspath(DEFAULT_GAZETTEER, SCHEMA));
    }

    /** A tagger with the gazetteer in {@code file}, to try a changed list without a rebuild. */
    public static OrganisationTagger load(Path file) {
        return new OrganisationTagger(Gazetteer.fromFile(file, SCHEMA));
    }

    /**
     * The bodies named in an article, most mentioned first (ties: first mentioned first).
     *
     * @param title headline, may be null
     * @param text  body, may be null
     * @return one tag per body, with one evidence per mention (UTF-16 offsets into the field as
     *     given; term = the matched text in lower case)
     */
    public List<EntityTag> tag(String title, String text) {
        return gazetteer.tag(title, text);
    }

    /** The organisation ids the gazetteer can produce. */
    public Set<String> ids() {
        return gazetteer.ids();
    }

    @Override
    public String toString() {
        return "OrganisationTagger[" + gazetteer + "]";
    }
}
