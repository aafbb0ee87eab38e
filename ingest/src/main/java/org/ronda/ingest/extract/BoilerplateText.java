package org.ronda.ingest.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells boilerplate by its words, for what class names do not catch: labels ("ADVERTISEMENT",
 * "bootstrap slideshow") inside or between paragraphs, cross-links ("Baca juga: ..."), credit lines
 * ("Pewarta: ...", "Foto: ..."), calls to follow the outlet, tag lists and disclaimers, in the
 * languages of the region. Every rule is bounded by a paragraph length, so that a long paragraph of
 * real text that happens to start like boilerplate is kept.
 */
final class BoilerplateText {

    /** Whole texts of label elements and label paragraphs: ad markers, "scroll to continue", slideshow widgets. */
    private static final Pattern LABEL = Pattern.compile(
            "[-–—\\[(\\s]*(advertisement|advertising|advertisment|sponsored|sponsored content|ads by google|iklan|"
                    + "pariwara|quảng cáo|โฆษณา|广告|廣告|patalastas|ពាណិជ្ជកម្ម|ကြော်ငြာ|bootstrap slideshow|"
                    + "scroll to continue with content|continue reading below|story continues below|"
                    + "story continues below advertisement|article continues below|article continues after advertisement|"
                    + "advertisement - scroll to continue|advertisement scroll to continue with content|"
                    + "scroll untuk melanjutkan membaca|gulir untuk melanjutkan|"
                    + "tiếp tục đọc bên dưới|เลื่อนเพื่ออ่านต่อ|share|share this|share this article|bagikan|kongsi|"
                    + "chia sẻ|แชร์|分享|ibahagi|hashtags|tags|tag|từ khóa|แท็ก|标签|標籤)[-–—\\])\\s:：]*");

    /**
     * Labels inside a sentence as plain text. Upper-case ad labels and the fixed phrases of scrolling ad
     * units anywhere; "Advertisement" in title case only between sentences, since in lower case it is a
     * word that news uses.
     */
    private static final Pattern INLINE_LABEL = Pattern.compile(
            "(?:^|(?<=\\s))(?:-\\s*)?(?:ADVERTISEMENT(?:\\s*-?\\s*SCROLL TO CONTINUE WITH CONTENT)?|SCROLL TO CONTINUE WITH CONTENT|"
                    + "ADVERTISING|IKLAN|QUẢNG CÁO|PATALASTAS|(?i:bootstrap slideshow)|"
                    + "(?i:story continues below(?: advertisement)?)|(?i:article continues below(?: advertisement)?)|"
                    + "(?i:continue reading below)|(?i:scroll untuk melanjutkan membaca))(?:\\s*-)?(?=\\s|$)");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    private static final Pattern TITLE_CASE_LABEL = Pattern.compile("(?<=[.!?\"'”’)\\]]) +(?:Advertisement|Iklan|Quảng cáo)(?= +\\p{Lu}| *$)");

    /** Cross-links to other stories: "READ ALSO: ...", "Baca juga: ...", "Tin liên quan", "อ่านข่าว...". */
    private static final Pattern CROSS_LINK = Pattern.compile(
            "^[\\s»►▶•*\\-–—>\\[(]*(read also|also read|read more|read next|related:|related story|related stories|"
                    + "related articles?|recommended:|see also|more on this|watch also|you may also like|"
                    + "baca juga|baca lagi|baca:|simak juga|simak:|lihat juga|lihat:|tonton juga|tonton:|"
                    + "artikel berkaitan|berita berkaitan|artikel terkait|berita terkait|baca selengkapnya|"
                    + "đọc thêm|xem thêm|tin liên quan|bài liên quan|xem tiếp|"
                    + "อ่านเพิ่มเติม|อ่านข่าวที่เกี่ยวข้อง|อ่านข่าวเพิ่มเติม|อ่านข่าว|อ่านต่อ|ข่าวที่เกี่ยวข้อง|ข่าวเกี่ยวข้อง|คลิกอ่าน|ชมคลิป|"
                    + "basahin din|basahin:|basahin ang|panoorin:|"
                    + "អានបន្ថែម|អត្ថបទពាក់ព័ន្ធ|ព័ត៌មានពាក់ព័ន្ធ|ဆက်စပ်သတင်း|ဆက်ဖတ်ရန်|"
                    + "延伸阅读|延伸閱讀|相关新闻|相關新聞|相关阅读|推荐阅读|阅读更多|点击阅读|看更多)(?=[\\s:：\\-–—»\\])]|$).*",
            Pattern.DOTALL);
    private static final int CROSS_LINK_MAX_CHARS = 300;

    /**
     * Photo and staff credits, source and copyright lines: a paragraph is a credit when one of these
     * three matches it whole. (One pattern with three alternatives before; split so that the copyright
     * line, which tries 41 starting points, runs only when one of its phrases is in the text.)
     */
    private static final Pattern CREDIT_LINE = Pattern.compile(
            "^[\\s(（\\[]*(photo|photos|foto|gambar|ảnh|ภาพ|ภาพจาก|ขอบคุณภาพ|ขอบคุณข้อมูล|ที่มา|larawan|រូបភាព|ဓာတ်ပုံ|"
                    + "图|圖|图片|圖片|摄|攝|pewarta|editor|penyunting|penulis|reporter|wartawan|kontributor|"
                    + "journalist|writer|biên tập|nguồn|source|sources|sumber|copyright|hak cipta|bản quyền|版权|版權)"
                    + "\\s*(?:[:：|/]|by\\b|oleh\\b|©).*",
            Pattern.DOTALL);
    private static final Pattern COPYRIGHT_LINE = Pattern.compile(
            "^.{0,40}(copyright\\s*©|©\\s*copyright|all rights reserved|hak cipta dilindungi|bảo lưu mọi quyền|สงวนลิขสิทธิ์).*",
            Pattern.DOTALL);
    /** Every copyright line holds one of these. */
    private static final String[] COPYRIGHT_ANCHORS = {"copyright", "all rights reserved", "hak cipta dilindungi", "bảo lưu mọi quyền",
        "สงวนลิขสิทธิ์"};
    private static final Pattern AGENCY_INITIALS = Pattern.compile(
            "^[(（]\\s*\\p{L}{2,6}(?:\\s*/\\s*\\p{L}{2,6})+\\s*[)）]$",
            Pattern.DOTALL);
    private static final int CREDIT_MAX_CHARS = 160;

    /** Calls to follow, join or download the outlet: they speak of "us" or "our", which reporting does not. */
    private static final Pattern CALL_TO_ACTION = Pattern.compile(
            "follow us\\b|join us on|like us on|stay (updated|informed) with|click here to (subscribe|follow|join)|"
                    + "(subscribe to|sign up for|download|install|get|join|follow) our (free |official |daily )?"
                    + "(newsletter|app|channel|telegram|whatsapp|page|podcast|youtube|tiktok|google news)|"
                    + "ikuti (kami|kita|saluran|berita terkini|update)|sertai (kami|saluran)|dapatkan (update|berita|informasi|info) "
                    + "(terkini|terbaru|pilihan)|mari bergabung|gabung (di|ke|dengan) (saluran|grup|channel)|langgan (saluran|surat berita)|"
                    + "theo dõi (chúng tôi|trang|kênh|fanpage)|đăng ký (kênh|nhận bản tin)|"
                    + "ติดตาม(เรา|ข่าวสาร|ช่องทาง).{0,60}(ได้ที่|ทาง)|กดติดตาม|"
                    + "(i-follow|sundan|i-like) (ang|kami)|mag-subscribe sa|"
                    + "关注我们|關注我們|订阅我们|訂閱我們|点击关注|"
                    + "តាមដាន(ពួកយើង|ទំព័រ)|ဖော်လိုလုပ်");
    /**
     * Every call to action holds one of these: searched for first, since a search for the pattern tries
     * each of its alternatives at every position of the paragraph.
     */
    private static final String[] CALL_TO_ACTION_ANCHORS = {
        "follow us", "join us on", "like us on", "stay ", "click here to ", " our ", "ikuti ", "sertai ", "dapatkan ",
        "mari bergabung", "gabung ", "langgan ", "theo dõi ", "đăng ký ", "ติดตาม", "i-follow ", "sundan ", "i-like ",
        "mag-subscribe sa", "关注我们", "關注我們", "订阅我们", "訂閱我們", "点击关注", "តាមដាន", "ဖော်လိုလုပ်"};
    private static final int CALL_TO_ACTION_MAX_CHARS = 320;

    private static final Pattern DISCLAIMER = Pattern.compile(
            "(do(es)? not necessarily (reflect|represent)|the views expressed (here|in this)|"
                    + "tidak (semestinya|semestinya) mencerminkan|tidak mencerminkan pandangan|tidak mewakili pandangan|"
                    + "không nhất thiết phản ánh|ไม่จำเป็นต้องสะท้อน|不代表本(报|報|网|網|台)立场|不代表本(报|報)观点)");
    /** Every disclaimer holds one of these. */
    private static final String[] DISCLAIMER_ANCHORS = {
        "not necessarily", "the views expressed", "tidak ", "không nhất thiết phản ánh", "ไม่จำเป็นต้องสะท้อน", "不代表本"};
    private static final int DISCLAIMER_MAX_CHARS = 400;
    /** No rule reads a paragraph longer than this: running text of that length is never boilerplate by its words. */
    private static final int LONGEST_RULE_CHARS = 400;

    private static final Pattern HASHTAGS_ONLY = Pattern.compile("^(#[\\p{L}\\p{M}\\p{N}_]+[\\s,|]*)+$");
    private static final Pattern TAG_LIST = Pattern.compile(
            "^(tags?|hashtags?|topics?|kata kunci|topik|từ khóa|từ khoá|chủ đề|แท็ก|คำค้น|标签|標籤|关键词|關鍵詞)\\s*[:：].*",
            Pattern.DOTALL);
    private static final int TAG_LIST_MAX_CHARS = 300;

    private BoilerplateText() {
    }

    /** True when an element or paragraph's whole text is a label (an ad marker, "Share", "Tags"), not content. */
    static boolean isLabel(String text) {
        return text.length() <= 60 && LABEL.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }

    /** The paragraph without labels that sit inside it as plain text ("... circumstances. ADVERTISEMENT The ..."). */
    static String withoutInlineLabels(String paragraph) {
        String cleaned = paragraph;
        if (mayHoldInlineLabel(cleaned)) {
            cleaned = INLINE_LABEL.matcher(cleaned).replaceAll("");
            cleaned = TITLE_CASE_LABEL.matcher(cleaned).replaceAll("");
            cleaned = SPACES.matcher(cleaned).replaceAll(" ");
        }
        return cleaned.strip();
    }

    /** Cheap test before the regular expressions, since nearly every paragraph holds none. */
    private static boolean mayHoldInlineLabel(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return lower.contains("advert") || lower.contains("slideshow") || lower.contains("iklan")
                || lower.contains("scroll") || lower.contains("continue") || lower.contains("quảng cáo")
                || lower.contains("patalastas");
    }

    /** True when a paragraph of the body is boilerplate by its words. */
    static boolean isBoilerplateParagraph(String paragraph) {
        int length = paragraph.length();
        if (length > LONGEST_RULE_CHARS) {
            return false;
        }
        // The patterns are written in lower case and matched against the lower-cased text: cheaper than case folding.
        paragraph = paragraph.toLowerCase(Locale.ROOT);
        if (length <= 60 && LABEL.matcher(paragraph).matches()) {
            return true;
        }
        if (length <= CROSS_LINK_MAX_CHARS && CROSS_LINK.matcher(paragraph).matches()) {
            return true;
        }
        if (length <= CREDIT_MAX_CHARS && (CREDIT_LINE.matcher(paragraph).matches()
                || containsAny(paragraph, COPYRIGHT_ANCHORS) && COPYRIGHT_LINE.matcher(paragraph).matches()
                || AGENCY_INITIALS.matcher(paragraph).matches())) {
            return true;
        }
        if (length <= TAG_LIST_MAX_CHARS && (HASHTAGS_ONLY.matcher(paragraph).matches() || TAG_LIST.matcher(paragraph).matches())) {
            return true;
        }
        if (length <= CALL_TO_ACTION_MAX_CHARS && containsAny(paragraph, CALL_TO_ACTION_ANCHORS)
                && CALL_TO_ACTION.matcher(paragraph).find()) {
            return true;
        }
        if (length <= DISCLAIMER_MAX_CHARS && containsAny(paragraph, DISCLAIMER_ANCHORS) && DISCLAIMER.matcher(paragraph).find()) {
            return true;
        }
        return Paywall.isNoticeInLowerCase(paragraph);
    }

    private static boolean containsAny(String text, String[] words) {
        for (String word : words) {
            if (text.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code text} starts with a cross-link label; for a heading that introduces a list of links. */
    static boolean isCrossLinkHeading(String text) {
        Matcher m = CROSS_LINK.matcher(text.toLowerCase(Locale.ROOT));
        return text.length() <= 80 && m.matches();
    }
}
