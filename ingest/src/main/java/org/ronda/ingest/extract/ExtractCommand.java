package org.ronda.ingest.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.ronda.contracts.EventCodec;

/**
 * Extracts saved article pages from the command line, for checking the extractor on pages
 * captured from a site:
 *
 * <pre>
 * java -cp ... org.ronda.ingest.extract.ExtractCommand FILE...
 * </pre>
 *
 * Each FILE is an HTML page, plain or gzipped (told by its bytes, not its name). Prints one JSON
 * object per file and line: {@code file, title, text, author, published, updated, lang,
 * canonicalUrl, leadImage, partial}; times in ISO 8601 with the offset the page stated. A file that
 * cannot be read, is not HTML or holds no article prints {@code {"file", "error"}} instead, and the
 * command goes on with the next file. Exit code 0 when every file was extracted, 1 otherwise, 2 on a
 * usage error.
 */
public final class ExtractCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
    /** How much of a file is read to tell HTML from other content. */
    private static final int SNIFF_BYTES = 64 * 1024;
    private static final Pattern HTML_MARKUP = Pattern.compile(
            "<(!doctype\\s+html|html|head|body|meta|title|div|p|article|main|table|span)[\\s>/]", Pattern.CASE_INSENSITIVE);

    private ExtractCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command; returns its exit code. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            err.println("usage: ExtractCommand FILE...   (saved HTML pages, plain or gzipped; one JSON line per file)");
            return 2;
        }
        ArticleExtractor extractor = new ArticleExtractor();
        ObjectMapper mapper = EventCodec.mapper();
        boolean all = true;
        for (String file : args) {
            ObjectNode line = mapper.createObjectNode();
            line.put("file", file);
            try {
                describe(line, extract(extractor, file));
            } catch (UnusableFileException | ExtractionException e) {
                line.put("error", e.getMessage());
                all = false;
            }
            try {
                out.println(mapper.writeValueAsString(line));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a tree of strings always serialises", e);
            }
        }
        out.flush();
        return all ? 0 : 1;
    }

    private static ExtractedArticle extract(ArticleExtractor extractor, String file) throws UnusableFileException, ExtractionException {
        Path path;
        try {
            path = Path.of(file);
        } catch (InvalidPathException e) {
            throw new UnusableFileException("not a file name: " + e.getReason());
        }
        byte[] page = read(path);
        if (!looksLikeHtml(page)) {
            throw new UnusableFileException("not an HTML page");
        }
        try {
            return extractor.extract(new ByteArrayInputStream(page), null, path.toAbsolutePath().toUri());
        } catch (IOException e) {
            throw new UnusableFileException("cannot read: " + e.getMessage());
        }
    }

    /** The file's bytes, gunzipped when they start with the gzip magic number. */
    private static byte[] read(Path path) throws UnusableFileException {
        try {
            byte[] bytes = Files.readAllBytes(path);
            if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    return in.readAllBytes();
                }
            }
            return bytes;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UnusableFileException("no such file");
        } catch (IOException e) {
            throw new UnusableFileException("cannot read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** Text with HTML markup near its start; binary content (a NUL byte) never is. */
    static boolean looksLikeHtml(byte[] page) {
        int n = Math.min(page.length, SNIFF_BYTES);
        for (int i = 0; i < n; i++) {
            if (page[i] == 0) {
                return false;
            }
        }
        // Latin-1 maps every byte to a char, so the tags are found whatever the page's real charset.
        return HTML_MARKUP.matcher(new String(page, 0, n, StandardCharsets.ISO_8859_1)).find();
    }

    private static void describe(ObjectNode line, ExtractedArticle article) {
        line.put("title", article.title());
        line.put("text", article.text());
        line.put("author", article.author());
        line.put("published", format(article.publishedTime()));
        line.put("updated", format(article.updatedTime()));
        line.put("lang", article.language());
        line.put("canonicalUrl", article.canonicalUrl());
        line.put("leadImage", article.leadImage());
        line.put("partial", article.partial());
    }

    private static String format(OffsetDateTime time) {
        return time == null ? null : TIME.format(time);
    }

    /** A file that is missing, unreadable or not an HTML page; the message says which. */
    private static final class UnusableFileException extends Exception {

        private static final long serialVersionUID = 1L;

        UnusableFileException(String message) {
            super(message);
        }
    }
}
