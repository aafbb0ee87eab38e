package org.ronda.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The query language, parsed and translated with no Elasticsearch. Real: everything. Faked: nothing. */
class QueryParserTest {

    private final QueryParser parser = new QueryParser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "scam                               | scam",
        "Scam Centres                       | AND[Scam, Centres]",
        "scam AND centre                    | AND[scam, centre]",
        "scam OR fraud                      | OR[scam, fraud]",
        "scam OR fraud AND police           | OR[scam, AND[fraud, police]]",
        "a b OR c d                         | OR[AND[a, b], AND[c, d]]",
        "(scam OR fraud) police             | AND[OR[scam, fraud], police]",
        "scam NOT lottery                   | AND[scam, NOT(lottery)]",
        "scam -lottery                      | AND[scam, NOT(lottery)]",
        "NOT lottery                        | NOT(lottery)",
        "NOT NOT lottery                    | NOT(NOT(lottery))",
        "\"scam centre\"                    | \"scam centre\"",
        "\"  scam   centre \" raid          | AND[\"scam centre\", raid]",
        "traffick*                          | traffick*",
        "title:raid                         | title:raid",
        "text:\"online gambling\"           | text:\"online gambling\"",
        "outlet:\"The Star\"                | outlet:\"The Star\"",
        "topic:scam country:KH              | AND[topic:scam, country:KH]",
        "lang:vi org:unodc                  | AND[lang:vi, org:unodc]",
        "country:(KH OR MM)                 | OR[country:KH, country:MM]",
        "TITLE:raid                         | title:raid",
        "anti-scam                          | anti-scam",
        "scam and fraud                     | AND[scam, and, fraud]",
        "-(a OR b) c                        | AND[NOT(OR[a, b]), c]",
        "country:K*                         | country:K*",
    })
    void parses(String query, String expected) {
        assertThat(parser.parse(query)).hasToString(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`scam \"centre raid`               | unclosed quote at 5                  | 5",
        "`scam ) fraud`                     | unexpected ')' at 5                  | 5",
        "`a) b`                             | unexpected ')' at 1                  | 1",
        "`(scam OR fraud`                   | unclosed '(' at 0                    | 0",
        "`()`                               | empty parentheses at 0               | 0",
        "`scam AND`                         | expected a term after 'AND' at 8     | 8",
        "`scam OR OR fraud`                 | expected a term after 'OR' at 8      | 8",
        "`scam NOT`                         | expected a term after 'NOT' at 8     | 8",
        "`scam -`                           | expected a term after '-' at 6       | 6",
        "`AND scam`                         | unexpected 'AND' at 0                | 0",
        "`OR`                               | unexpected 'OR' at 0                 | 0",
        "`title: raid`                      | missing value after 'title:' at 6    | 6",
        "`title:`                           | missing value after 'title:' at 6    | 6",
        "`scam \"\"`                        | empty phrase at 5                    | 5",
        "`*`                                | '*' needs a word before it at 0      | 0",
        "`sc*am`                            | '*' is only allowed at the end of a word at 2 | 2",
        "`country:(KH OR lang:vi)`          | field 'lang:' inside 'country:( )' at 15 | 15",
        "`   `                              | empty query at 0                     | 0",
    })
    void refuses(String query, String message, int position) {
        assertThatThrownBy(() -> parser.parse(query))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.position()).isEqualTo(position);
                });
    }

    @Test
    void unknownFieldListsTheKnownOnes() {
        assertThatThrownBy(() -> parser.parse("foo:bar scam"))
                .isInstanceOf(QuerySyntaxException.class)
                .hasMessage("unknown field 'foo' at 0 (fields: title, text, outlet, topic, country, lang, org)");
        assertThatThrownBy(() -> parser.parse("scam author:smith"))
                .isInstanceOfSatisfying(QuerySyntaxException.class, e -> assertThat(e.position()).isEqualTo(5));
    }

    @Test
    void positionOfAnUnclosedQuoteIsTheOpeningQuote() {
        QuerySyntaxException e = org.junit.jupiter.api.Assertions.assertThrows(QuerySyntaxException.class,
                () -> parser.parse("scam centre AND \"cambodia raid"));
        assertThat(e.getMessage()).isEqualTo("unclosed quote at 16");
        assertThat(e.problem()).isEqualTo("unclosed quote");
    }
}
