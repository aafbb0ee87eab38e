package org.ronda.index.elastic;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.io.StringReader;
import org.ronda.contracts.EventCodec;
import org.jboss.logging.Logger;

/**
 * Installs the versioned index template and, on a fresh cluster, the first index behind the write
 * alias; on an existing cluster, adds new fields of the template to the indices behind the alias. Running it again changes nothing, so every instance runs it at start-up.
 */
public final class IndexSetup {

    private static final Logger LOG = Logger.getLogger(IndexSetup.class);
    private static final String TEMPLATE_RESOURCE = "/elastic/articles-template.json";

    private IndexSetup() {
    }

    /** The bundled template, with its index pattern set to the indices behind {@code alias}. */
    static String templateFor(String alias) throws IOException {
        try (InputStream in = IndexSetup.class.getResourceAsStream(TEMPLATE_RESOURCE)) {
            ObjectNode template = (ObjectNode) EventCodec.mapper().readTree(in);
            ArrayNode patterns = template.putArray("index_patterns");
            patterns.add(alias + "-*");
            return EventCodec.mapper().writeValueAsString(template);
        }
    }

    /** Puts the template named {@code alias} and creates {@code alias-000001} as write index if the alias is missing. */
    public static void install(ElasticsearchClient client, String alias) throws IOException {
        String template = templateFor(alias);
        client.indices().putIndexTemplate(t -> t.name(alias).withJson(new StringReader(template)));
        if (client.indices().existsAlias(e -> e.name(alias)).value()) {
            // Indices made from an older template get the fields added since; a field whose type
            // changed cannot be changed in place, fails here, and needs a rollover or reindex.
            String mappings = EventCodec.mapper().writeValueAsString(
                    EventCodec.mapper().readTree(template).at("/template/mappings"));
            client.indices().putMapping(m -> m.index(alias).withJson(new StringReader(mappings)));
            return;
        }
        String first = alias + "-000001";
        try {
            client.indices().create(c -> c.index(first).aliases(alias, a -> a.isWriteIndex(true)));
            LOG.infof("created index %s behind alias %s", first, alias);
        } catch (ElasticsearchException e) {
            // Another instance created it first.
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }
}
