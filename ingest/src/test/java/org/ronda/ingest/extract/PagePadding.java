package org.ronda.ingest.extract;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * Pads a page to a target size with the boilerplate that makes real portal pages heavy: a sitemap
 * footer of links, a JSON configuration script and inline CSS, put where sites put them (before
 * {@code </body>}). Deterministic per page name.
 */
final class PagePadding {

    private static final String[] WORDS = {
        "police", "court", "border", "customs", "province", "minister", "market", "flood", "election", "festival",
        "polis", "mahkamah", "sempadan", "kastam", "negeri", "banjir", "kerajaan", "sukan", "ekonomi", "harga",
        "công an", "tòa án", "biên giới", "hải quan", "thị trường", "ตำรวจ", "ศาล", "ชายแดน", "ศุลกากร", "จังหวัด",
    };

    private PagePadding() {
    }

    static String pad(String html, int targetBytes, String seed) {
        int missing = targetBytes - html.getBytes(StandardCharsets.UTF_8).length;
        if (missing <= 0) {
            return html;
        }
        Random random = new Random(seed.hashCode());
        StringBuilder pad = new StringBuilder(missing + 256);
        pad.append("<footer class=\"sitemap-footer\"><div class=\"sitemap\">");
        int third = missing / 3;
        int section = 0;
        while (pad.length() < third) {
            pad.append("<section class=\"sitemap-section\"><h4>").append(word(random)).append("</h4><ul>");
            for (int i = 0; i < 12; i++) {
                pad.append("<li><a href=\"/section-").append(section).append("/story-").append(random.nextInt(1_000_000))
                        .append("\">").append(word(random)).append(' ').append(word(random)).append(' ').append(word(random))
                        .append("</a></li>");
            }
            pad.append("</ul></section>");
            section++;
        }
        pad.append("</div></footer>\n<script type=\"application/json\" id=\"site-config\">{\"ads\":[");
        while (pad.length() < 2 * third) {
            pad.append("{\"slot\":\"/21").append(random.nextInt(1_000_000)).append("/article/").append(random.nextInt(50))
                    .append("\",\"sizes\":[[300,250],[336,280]],\"targeting\":{\"kw\":\"").append(word(random)).append("\"}},");
        }
        pad.append("{}]}</script>\n<style>");
        while (pad.length() < missing) {
            pad.append(".c").append(random.nextInt(100_000)).append("{margin:0 ").append(random.nextInt(40))
                    .append("px;color:#").append(Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF))).append("}");
        }
        pad.append("</style>\n");
        int body = html.lastIndexOf("</body>");
        return body < 0 ? html + pad : html.substring(0, body) + pad + html.substring(body);
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
