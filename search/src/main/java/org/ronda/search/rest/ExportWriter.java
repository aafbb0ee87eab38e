package org.ronda.search.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.ronda.search.service.Export;
import org.ronda.search.service.ExportRow;

/**
 * Writes an export as CSV (RFC 4180, CRLF line ends, after a {@code # } comment line holding the
 * header as JSON) or NDJSON (a {@code {"export": {...}}} line, then one object per article), page by
 * page, flushing after each page so rows leave as they arrive.
 */
final class ExportWriter {

    static final String CSV = "text/csv";
    static final String NDJSON = "application/x-ndjson";

    private static final Logger LOG = Logger.getLogger(ExportWriter.class);

    /** The export formats, as the {@code format} parameter names them. */
    enum Format {
        CSV(ExportWriter.CSV + ";charset=UTF-8", "csv"),
        NDJSON(ExportWriter.NDJSON + ";charset=UTF-8", "ndjson");

        private final String mediaType;
        private final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }

        String mediaType() {
            return mediaType;
        }

        String extension() {
            return extension;
        }
    }

    private final Format format;
    private final Writer out;
    private final ObjectMapper json;

    ExportWriter(Format format, OutputStream out, ObjectMapper json) {
        this.format = format;
        // 64 KiB: a few dozen rows per write, whatever the page size.
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        this.json = json;
    }

    /**
     * Writes the header, then every row of {@code export}. A failure after the header is written
     * ends the output with a line saying the export is incomplete, then propagates, so the
     * connection is cut rather than ended cleanly.
     */
    void write(Map<String, Object> header, Export export) throws IOException {
        if (format == Format.CSV) {
            out.write("# " + json.writeValueAsString(header) + "\r\n");
            csvLine(ExportRow.FIELDS);
        } else {
            out.write(json.writeValueAsString(Map.of("export", header)) + "\n");
        }
        long written = 0;
        try {
            for (List<ExportRow> page = export.next(); !page.isEmpty(); page = export.next()) {
                for (ExportRow row : page) {
                    if (format == Format.CSV) {
                        csvLine(cells(row));
                    } else {
                        out.write(json.writeValueAsString(object(row)) + "\n");
                    }
                }
                written += page.size();
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("export stopped after %d of %d rows: %s", written, export.total(), e.toString());
            String reason = "export incomplete after " + written + " rows: search backend failed";
            out.write(format == Format.CSV ? "# " + reason + "\r\n" : json.writeValueAsString(Map.of("error", reason)) + "\n");
            out.flush();
            throw e;
        }
        out.flush();
    }

    private static List<String> cells(ExportRow r) {
        return List.of(nz(r.articleId()), nz(r.publishedAt()), nz(r.outlet()), nz(r.outletCountry()), nz(r.sourceKind()),
                nz(r.language()), String.join(";", r.topics()), String.join(";", r.countries()),
                String.join(";", r.organisations()), nz(r.clusterId()), nz(r.title()), nz(r.url()), nz(r.rulesVersion()));
    }

    private static Map<String, Object> object(ExportRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("articleId", r.articleId());
        m.put("publishedAt", r.publishedAt());
        m.put("outlet", r.outlet());
        m.put("outletCountry", r.outletCountry());
        m.put("sourceKind", r.sourceKind());
        m.put("language", r.language());
        m.put("topics", r.topics());
        m.put("countries", r.countries());
        m.put("organisations", r.organisations());
        m.put("clusterId", r.clusterId());
        m.put("title", r.title());
        m.put("url", r.url());
        m.put("rulesVersion", r.rulesVersion());
        return m;
    }

    private void csvLine(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(csvField(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** {@code value} as an RFC 4180 field: quoted when it holds a comma, a quote or a line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
