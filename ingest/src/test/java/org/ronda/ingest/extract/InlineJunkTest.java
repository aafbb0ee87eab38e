package org.ronda.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pure logic: junk inside and between paragraphs, as markup and as plain text, and real text that looks like it. */
class InlineJunkTest {

    private final ArticleExtractor extractor = new ArticleExtractor(Clock.fixed(Instant.parse("2026-11-28T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void labelsWrittenAsPlainTextInsideASentenceAreRemoved() {
        assertThat(BoilerplateText.withoutInlineLabels(
                "under certain circumstances. bootstrap slideshow 'The decision to issue an RO will be made by a police officer."))
                .isEqualTo("under certain circumstances. 'The decision to issue an RO will be made by a police officer.");
        assertThat(BoilerplateText.withoutInlineLabels("The raid began at 2am. ADVERTISEMENT Officers found 112 phones."))
                .isEqualTo("The raid began at 2am. Officers found 112 phones.");
        assertThat(BoilerplateText.withoutInlineLabels("Polis merampas dadah. IKLAN Kesemua suspek direman."))
                .isEqualTo("Polis merampas dadah. Kesemua suspek direman.");
        assertThat(BoilerplateText.withoutInlineLabels("Two were held. Advertisement The case goes on."))
                .isEqualTo("Two were held. The case goes on.");
        assertThat(BoilerplateText.withoutInlineLabels("Sabu disita. ADVERTISEMENT SCROLL TO CONTINUE WITH CONTENT Tersangka ditahan."))
                .isEqualTo("Sabu disita. Tersangka ditahan.");
    }

    @Test
    void theWordAdvertisementInRunningTextIsKept() {
        String text = "The victims answered an advertisement for customer service work in Kota Kinabalu.";

        assertThat(BoilerplateText.withoutInlineLabels(text)).isEqualTo(text);
        assertThat(BoilerplateText.isBoilerplateParagraph(text)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ADVERTISEMENT", "- Advertisement -", "Story continues below advertisement", "SCROLL TO CONTINUE WITH CONTENT",
        "READ ALSO: Customs seize meth at Port Klang", "BACA JUGA: Polis rampas dadah di Tumpat", "Baca juga: Sindikat TPPO dibongkar",
        "Xem thêm: Giải cứu 15 lao động", "TIN LIÊN QUAN", "อ่านข่าวที่เกี่ยวข้อง ตำรวจยึดยาบ้า", "Basahin din: Shabu nasabat sa Cavite",
        "延伸阅读：警方捣破诈骗集团", "Pewarta: Yuni Arisandy", "Editor: Budi Santoso", "COPYRIGHT © KABARNUSA 2026", "Foto: Dok. Polda Aceh",
        "(agse/idn)", "#Singapore #Scam #MoneyMules", "Tags: scam, police", "Follow us on Telegram for the latest news.",
        "Mari bergabung di Grup Telegram \"Warta Nusantara News Update\", caranya klik link berikut.",
        "The views expressed here are those of the author and do not necessarily reflect the views of the paper.",
    })
    void boilerplateParagraphsAreToldByTheirWords(String paragraph) {
        assertThat(BoilerplateText.isBoilerplateParagraph(paragraph)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Victims were told to join a Telegram group and download an app that showed fake profits.",
        "\"We wanted a pirate story for Thai children that feels like our own sea,\" he said.",
        "Người dân chỉ tải ứng dụng eTax Mobile từ kho ứng dụng chính thức.",
        "Related to the raid, police also froze 12 bank accounts.",
        "Sources said the shipment came from a port in southern Myanmar.",
        "Editors of three local papers were called in to give statements.",
    })
    void runningTextThatLooksLikeBoilerplateIsKept(String paragraph) {
        assertThat(BoilerplateText.isBoilerplateParagraph(paragraph)).isFalse();
    }

    @Test
    void junkInsideAndBetweenParagraphsOfAPageIsRemoved() throws Exception {
        String html = "<html lang=\"en\"><head><title>Raid</title></head><body><article><h1>Raid on a scam compound</h1>"
                + "<div class=\"content\">"
                + "<p>Police rescued 41 people from a shophouse used as a call centre. <span>ADVERTISEMENT</span> They had been held for months.</p>"
                + "<div class=\"td-a-rec\"><span class=\"td-adspot-title\">- Advertisement -</span></div>"
                + "<p><strong>READ ALSO: <a href=\"/other\">Customs seize meth at Port Klang</a></strong></p>"
                + "<p>Officers seized 112 phones and 38 laptops. bootstrap slideshow The case is under investigation.</p>"
                + "<div class=\"wp-caption\"><img src=\"/a.jpg\"><p class=\"wp-caption-text\">File picture. Photo: Borneo Ledger</p></div>"
                + "<table class=\"tplCaption\"><tr><td><img src=\"/b.jpg\"></td></tr><tr><td><p>Phones seized in the raid.</p></td></tr></table>"
                + "<p>Follow us on Telegram for the latest news.</p>"
                + "</div></article></body></html>";

        ExtractedArticle extracted = extractor.extract(html, URI.create("https://x.my/a"));

        assertThat(extracted.text()).isEqualTo("Police rescued 41 people from a shophouse used as a call centre. They had been held for months."
                + "\n\nOfficers seized 112 phones and 38 laptops. The case is under investigation.");
    }

    @Test
    void aRelatedStoryCardInsideTheBodyIsDroppedButASubsectionIsKept() throws Exception {
        String html = "<html lang=\"vi\"><head><title>Tin</title></head><body><article><h1>Triệt phá đường dây ma túy</h1>"
                + "<div class=\"detail-content\">"
                + "<p>" + "Lực lượng chức năng bắt giữ bốn đối tượng vận chuyển ma túy qua biên giới. ".repeat(2) + "</p>"
                + "<div class=\"box\"><a href=\"/other\"><img src=\"/o.jpg\"></a><div class=\"box-content\"><a class=\"title\" href=\"/other\">"
                + "Giải cứu 15 lao động</a><p class=\"sapo\">Công an tỉnh Tây Ninh vừa giải cứu 15 người bị lừa sang Campuchia làm việc.</p></div></div>"
                + "<section><h2>Khai nhận ban đầu</h2><p>" + "Các đối tượng khai nhận được thuê vận chuyển với giá 30 triệu đồng. ".repeat(2)
                + "</p></section>"
                + "</div></article></body></html>";

        String text = extractor.extract(html, URI.create("https://x.vn/a")).text();

        assertThat(text).doesNotContain("Tây Ninh").contains("Khai nhận ban đầu").contains("30 triệu đồng");
    }

    @Test
    void theHeadlineIsNotBodyText() throws Exception {
        String html = "<html><head><title>Headline | Site</title></head><body><div class=\"post\"><h1>Headline of the story</h1>"
                + "<p>Headline of the story</p><p>" + "The body of the story, long enough to be one. ".repeat(4) + "</p></div></body></html>";

        assertThat(extractor.extract(html, URI.create("https://x.my/a")).text()).doesNotContain("Headline of the story");
    }
}
