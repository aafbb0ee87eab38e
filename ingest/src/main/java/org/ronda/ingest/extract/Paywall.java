package org.ronda.ingest.extract;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells a page that holds only part of its article: a paywall or registration notice in its
 * visible text, in the region's languages, or a body too short to be the whole story.
 */
final class Paywall {

    /**
     * Notices that the rest is for subscribers. Whole phrases only: a menu's "Subscribe" link is on
     * every page, paywalled or not. Written in lower case and matched against lower-cased text, without
     * the case-insensitive flag: that flag folds the case of every character the matcher reads again.
     */
    private static final Pattern NOTICE = Pattern.compile(
            "subscribe to (continue|keep) reading|subscribe to read (the full|the rest|more|this)|"
                    + "subscribe (now )?to unlock|to continue reading,? (please )?(subscribe|log ?in|sign ?in|register)|"
                    + "this (article|story|content) is (only )?(available |reserved )?(for|to) (subscribers|members|premium)|"
                    + "(already a subscriber|already have an account)\\?? ?(log ?in|sign ?in)|"
                    + "for subscribers only|unlock this (article|story)|"
                    + "untuk membaca artikel ini,? silakan berlangganan|silakan berlangganan untuk membaca|"
                    + "artikel ini khusus untuk (pelanggan|pembaca premium)|langgan untuk (terus )?membaca|"
                    + "langgan sekarang untuk membaca|artikel ini untuk pelanggan|"
                    + "đăng ký để đọc tiếp|đăng ký để đọc toàn bộ|nội dung dành cho (thành viên|bạn đọc) (trả phí|đăng ký)|"
                    + "bài viết dành cho (thành viên|hội viên)|"
                    + "สมัครสมาชิกเพื่ออ่านต่อ|สมัครสมาชิกเพื่ออ่านบทความ|เนื้อหานี้สำหรับสมาชิก|"
                    + "mag-subscribe para mabasa|para sa mga subscriber lamang|"
                    + "订阅以继续阅读|訂閱以繼續閱讀|订阅后阅读全文|訂閱後閱讀全文|本文为付费内容|本文為付費內容|"
                    + "ជាវដើម្បីអានបន្ត|ဆက်ဖတ်ရန် စာရင်းသွင်းပါ");
    /**
     * Words of which every notice holds one. Searching a page's text for them first is cheap; running the
     * notice pattern over the whole text is not, and the pattern runs only when one is there.
     */
    private static final String[] ANCHORS = {"subscri", "langgan", "continue reading", "unlock", "members", "premium",
        "already have", "đăng ký", "thành viên", "hội viên", "trả phí", "สมาชิก", "订阅", "訂閱", "付费", "付費", "ជាវ",
        "စာရင်းသွင်း"};
    private static final int ANCHOR_REACH = 80;
    private static final int NOTICE_MAX_CHARS = 400;

    /**
     * A body shorter than this many characters is a teaser or a stub. Han characters count twice,
     * since one stands for a word where other scripts spend several letters.
     */
    static final int SHORT_BODY_WEIGHTED_CHARS = 300;

    private Paywall() {
    }

    /** True when {@code visibleText}, the text a reader sees on the page, holds a paywall notice. */
    static boolean hasNotice(String visibleText) {
        return hasNoticeInLowerCase(visibleText.toLowerCase(Locale.ROOT));
    }

    /** {@link #hasNotice} of a text already lower-cased with {@link Locale#ROOT}. */
    static boolean hasNoticeInLowerCase(String lower) {
        Matcher matcher = NOTICE.matcher(lower);
        for (String anchor : ANCHORS) {
            for (int at = lower.indexOf(anchor); at >= 0; at = lower.indexOf(anchor, at + anchor.length())) {
                // Every notice is shorter than this on either side of its anchor.
                matcher.region(Math.max(0, at - ANCHOR_REACH), Math.min(lower.length(), at + ANCHOR_REACH));
                if (matcher.find()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a paragraph is a paywall notice rather than article text. */
    static boolean isNotice(String paragraph) {
        return paragraph.length() <= NOTICE_MAX_CHARS && hasNotice(paragraph);
    }

    /** {@link #isNotice} of a paragraph already lower-cased with {@link Locale#ROOT}. */
    static boolean isNoticeInLowerCase(String paragraph) {
        return paragraph.length() <= NOTICE_MAX_CHARS && hasNoticeInLowerCase(paragraph);
    }

    /** True when a body text is too short to be the whole article. */
    static boolean isTooShort(String text) {
        int weighted = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (!Character.isWhitespace(cp)) {
                // No Han character lies below U+2E80; the script lookup is a binary search, so it is skipped there.
                weighted += cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 2 : 1;
            }
            if (weighted >= SHORT_BODY_WEIGHTED_CHARS) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
