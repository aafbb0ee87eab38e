package org.ronda.search.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query and filter parameters shared by the search, the export and the coverage view. */
public class SearchFilters {

    @Parameter(description = "query: words, \"phrases\", AND/OR/NOT, -word, prefix*, ( ), "
            + "title: text: outlet: topic: country: lang: org:")
    @QueryParam("q")
    String q;

    @Parameter(description = "taxonomy topic ids")
    @QueryParam("topic")
    List<String> topic;

    @Parameter(description = "ISO 3166-1 alpha-2 codes")
    @QueryParam("country")
    List<String> country;

    @Parameter(description = "mentioned | outlet | any")
    @QueryParam("countryScope")
    @DefaultValue("mentioned")
    String countryScope;

    @Parameter(description = "language codes")
    @QueryParam("lang")
    List<String> lang;

    @Parameter(description = "outlet names, exact")
    @QueryParam("outlet")
    List<String> outlet;

    @Parameter(description = "media | official")
    @QueryParam("kind")
    String kind;

    @Parameter(description = "earliest publication date (yyyy-MM-dd or ISO instant)")
    @QueryParam("from")
    String from;

    @Parameter(description = "latest publication date, inclusive")
    @QueryParam("to")
    String to;
}
