package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure logic: class and id names of boilerplate blocks as themes write them, and names that only look like them. */
class BoilerplateNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"td_block_wrap td_block_related_posts", "jp-relatedposts", "fb-comments", "comments-area",
        "ads-scrollpage-top", "tplCaption", "field field--name-field-tags", "sidebar-2", "td-post-sharing-top",
        "wp-block-read-also", "cookie-law-info-bar", "box_comment_vne", "link-content-footer", "most-read_root__M1x"})
    void boilerplateNamesAreRecognised(String name) {
        assertThat(BoilerplateNames.isBoilerplate(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"td-post-content tagdiv-type", "entry-content", "article-body_root__Yx9", "fck_detail",
        "field field--name-body field--type-text-with-summary", "has-sidebar with-comments", "no-comments",
        "post type-post category-crime tag-scam hentry", "detail-content afcbc-body", "__next", "node--promoted"})
    void bodyAndStateNamesAreNot(String name) {
        assertThat(BoilerplateNames.isBoilerplate(name)).as(name).isFalse();
    }
}
