package org.ronda.contracts;

/**
 * The source an article came from, as named in the source list.
 *
 * @param id       stable source id from the source list
 * @param outlet   outlet display name
 * @param country  ISO 3166-1 alpha-2 code of the outlet's home country
 * @param language the outlet's primary language (BCP 47)
 * @param kind     {@code media} or {@code official}
 */
public record SourceRef(String id, String outlet, String country, String language, String kind) {

    public SourceRef {
        Contract.requiredText(id, "source.id");
        Contract.requiredText(outlet, "source.outlet");
        if (country == null || !country.matches("[A-Z]{2}")) {
            throw new InvalidEventException("source.country must be an ISO 3166-1 alpha-2 code, got " + country);
        }
        Contract.requiredText(language, "source.language");
        if (!"media".equals(kind) && !"official".equals(kind)) {
            throw new InvalidEventException("source.kind must be media or official, got " + kind);
        }
    }
}
