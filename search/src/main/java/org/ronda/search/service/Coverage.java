package org.ronda.search.service;

import java.util.List;

/**
 * Articles per outlet per day over a period, to see which outlets went quiet when.
 *
 * @param days    every day of the period, {@code yyyy-MM-dd} (UTC), in order
 * @param outlets outlets with at least one matching article in the period, most articles first
 */
public record Coverage(List<String> days, List<OutletCoverage> outlets) {

    public Coverage {
        days = List.copyOf(days);
        outlets = List.copyOf(outlets);
    }

    /**
     * One outlet's daily counts.
     *
     * @param outlet        outlet name
     * @param outletCountry the outlet's home country
     * @param counts        matching articles on each of {@link Coverage#days()}
     * @param gaps          days with no article between the outlet's first and last day with one
     */
    public record OutletCoverage(String outlet, String outletCountry, List<Long> counts, List<String> gaps) {

        public OutletCoverage {
            counts = List.copyOf(counts);
            gaps = List.copyOf(gaps);
        }
    }
}
