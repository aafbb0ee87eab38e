package org.ronda.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;
import org.ronda.query.QueryParser;

class QueryTranslatorTest {

    private final QueryParser parser = new QueryParser();

    @Test
    void translatesWordsToTitleAndTextAndFieldsToTerms() {
        QueryTranslator translator = new QueryTranslator();
        Query q = translator.toQuery(parser.parse("Scam country:kh topic:SCAM lang:VI outlet:\"The Star\" -lottery"));
        String json = q.toString();
        assertThat(json).contains("\"multi_match\"").contains("title^2").contains("\"text\"");
        assertThat(json).contains("\"countries\":{\"value\":\"KH\"}");
        assertThat(json).contains("\"topics\":{\"value\":\"scam\"}");
        assertThat(json).contains("\"language\":{\"value\":\"vi\"}");
        assertThat(json).contains("\"outlet\":{\"value\":\"The Star\"}");
        assertThat(json).contains("\"must_not\"");
    }

    @Test
    void translatesPhrasesAndPrefixes() {
        QueryTranslator translator = new QueryTranslator();
        assertThat(translator.toQuery(parser.parse("\"scam centre\"")).toString()).contains("\"type\":\"phrase\"");
        assertThat(translator.toQuery(parser.parse("title:\"scam centre\"")).toString()).contains("\"match_phrase\"");
        String prefix = translator.toQuery(parser.parse("Traffick*")).toString();
        assertThat(prefix).contains("\"prefix\"").contains("\"value\":\"traffick\"").contains("\"title\"").contains("\"text\"");
        assertThat(translator.toQuery(parser.parse("a OR b")).toString()).contains("\"minimum_should_match\":\"1\"");
    }

    @Test
    void wordsInScriptsWithoutSpacesAlsoSearchTheSegmentedField() {
        QueryTranslator translator = new QueryTranslator();
        String thai = translator.toQuery(parser.parse("แก๊งคอลเซ็นเตอร์")).toString();
        assertThat(thai).contains("\"segmented\"").contains("\"multi_match\"");
        assertThat(translator.toQuery(parser.parse("scam")).toString()).doesNotContain("segmented");
    }
}
