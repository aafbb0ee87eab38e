package org.ronda.sample;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of an outlet's site chrome in the outlet's language: menu labels and the photo caption.
 * The boilerplate that an extractor is tested against ("Share", "Related Articles", "Comments")
 * stays in English on every site, as it does on many regional sites built on English themes.
 *
 * @param menu         labels of {@link #MENU_PATHS}, in the same order
 * @param caption      a lead photo caption
 * @param photo        the word before a photo credit
 */
record SiteWords(List<String> menu, String caption, String photo) {

    /** Menu link targets below the outlet's home path; the first is the homepage itself. */
    static final List<String> MENU_PATHS = List.of(
            "", "nation/", "world/", "business/", "sport/", "lifestyle/", "crime/", "opinion/", "tech/", "video/",
            "podcasts/", "subscribe/");

    private static final Map<String, SiteWords> BY_LANGUAGE = Map.of(
            "en", new SiteWords(
                    List.of("Home", "Nation", "World", "Business", "Sport", "Lifestyle", "Crime", "Opinion", "Tech",
                            "Video", "Podcasts", "Subscribe"),
                    "File picture used for illustration.", "Photo"),
            "ms", new SiteWords(
                    List.of("Utama", "Nasional", "Dunia", "Bisnes", "Sukan", "Gaya Hidup", "Jenayah", "Rencana",
                            "Teknologi", "Video", "Podcast", "Langgan"),
                    "Gambar hiasan.", "Foto"),
            "id", new SiteWords(
                    List.of("Beranda", "Nasional", "Internasional", "Ekonomi", "Olahraga", "Gaya Hidup",
                            "Hukum & Kriminal", "Opini", "Teknologi", "Video", "Podcast", "Berlangganan"),
                    "Ilustrasi.", "Foto"),
            "vi", new SiteWords(
                    List.of("Trang chủ", "Thời sự", "Thế giới", "Kinh doanh", "Thể thao", "Đời sống", "Pháp luật",
                            "Góc nhìn", "Công nghệ", "Video", "Podcast", "Đăng ký"),
                    "Ảnh minh họa.", "Ảnh"),
            "th", new SiteWords(
                    List.of("หน้าแรก", "ในประเทศ", "ต่างประเทศ", "เศรษฐกิจ", "กีฬา", "ไลฟ์สไตล์", "อาชญากรรม",
                            "ความคิดเห็น", "เทคโนโลยี", "วิดีโอ", "พอดแคสต์", "สมัครสมาชิก"),
                    "ภาพประกอบข่าว", "ภาพ"));

    /** The words for a BCP 47 language tag; English for a language without its own. */
    static SiteWords of(String language) {
        String primary = language.split("-", 2)[0].toLowerCase(Locale.ROOT);
        return BY_LANGUAGE.getOrDefault(primary, BY_LANGUAGE.get("en"));
    }
}
