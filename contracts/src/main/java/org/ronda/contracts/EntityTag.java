package org.ronda.contracts;

import java.util.List;

/**
 * A country or organisation mentioned in an article, with the evidence of the mention.
 *
 * @param id       ISO 3166-1 alpha-2 code (or {@code EU}) for a country; a lowercase id such as
 *                 {@code unodc} for an organisation
 * @param evidence where it is mentioned; never empty
 */
public record EntityTag(String id, List<Evidence> evidence) {

    public EntityTag {
        Contract.requiredText(id, "entity.id");
        if (evidence == null || evidence.isEmpty()) {
            throw new InvalidEventException("entity " + id + " has no evidence");
        }
        evidence = List.copyOf(evidence);
    }
}
