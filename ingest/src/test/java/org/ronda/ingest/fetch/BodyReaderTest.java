package org.ronda.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Pure logic: decoding gzip and deflate bodies under a cap, in memory. */
class BodyReaderTest {

    private static final byte[] TEXT = "<html><body>Hello, news</body></html>".getBytes(StandardCharsets.UTF_8);

    @Test
    void identityBodyUpToTheCap() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(TEXT), List.of(), TEXT.length, false)).isEqualTo(TEXT);
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(TEXT), List.of("identity"), TEXT.length - 1, false))
                .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
    }

    @Test
    void truncatesInsteadOfFailingWhenAsked() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(TEXT), List.of(), 6, true)).hasSize(6);
    }

    @Test
    void gzipAndBothFormsOfDeflate() throws Exception {
        assertThat(BodyReader.read(new ByteArrayInputStream(gzip(TEXT)), List.of("gzip"), 1000, false)).isEqualTo(TEXT);
        assertThat(BodyReader.read(new ByteArrayInputStream(gzip(TEXT)), List.of("X-GZIP"), 1000, false)).isEqualTo(TEXT);
        assertThat(BodyReader.read(new ByteArrayInputStream(deflate(TEXT, false)), List.of("deflate"), 1000, false)).isEqualTo(TEXT);
        assertThat(BodyReader.read(new ByteArrayInputStream(deflate(TEXT, true)), List.of("deflate"), 1000, false)).isEqualTo(TEXT);
        assertThat(BodyReader.read(new ByteArrayInputStream(gzip(gzip(TEXT))), List.of("gzip", "gzip"), 1000, false)).isEqualTo(TEXT);
    }

    @Test
    void aGzipBombStopsAtTheCapHavingReadLittleOfIt() throws Exception {
        byte[] bomb = gzipZeros(100L * 1024 * 1024);
        CountingStream source = new CountingStream(new ByteArrayInputStream(bomb));

        assertThatThrownBy(() -> BodyReader.read(source, List.of("gzip"), 1024 * 1024, false))
                .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
        // 100 MB of zeros gzip to ~100 KB; stopping at 1 MB decoded means about a hundredth of that read.
        assertThat(source.count).isLessThan(bomb.length / 10);
    }

    @Test
    void aDeflateBombStopsAtTheCap() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9, true))) {
            byte[] zeros = new byte[64 * 1024];
            for (int i = 0; i < 160; i++) {
                z.write(zeros);
            }
        }

        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(out.toByteArray()), List.of("deflate"), 1024 * 1024, false))
                .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
    }

    @Test
    void undecodableAndUnknownEncodings() {
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(TEXT), List.of("gzip"), 1000, false))
                .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("bad-encoding"));
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(TEXT), List.of("br"), 1000, false))
                .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("unsupported-encoding"));
        assertThatThrownBy(() -> BodyReader.read(new ByteArrayInputStream(TEXT), List.of("gzip", "gzip", "gzip"), 1000, false))
                .isInstanceOfSatisfying(ResponseException.class, e -> assertThat(e.reason()).isEqualTo("unsupported-encoding"));
    }

    @Test
    void anEmptyGzipLabelledBodyIsEmpty() throws Exception {
        assertThat(BodyReader.read(InputStream.nullInputStream(), List.of("gzip"), 1000, false)).isEmpty();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static byte[] gzipZeros(long count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] zeros = new byte[64 * 1024];
        try (GZIPOutputStream z = new GZIPOutputStream(out, 64 * 1024)) {
            for (long written = 0; written < count; written += zeros.length) {
                z.write(zeros, 0, (int) Math.min(zeros.length, count - written));
            }
        }
        return out.toByteArray();
    }

    private static byte[] deflate(byte[] data, boolean raw) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, raw);
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, deflater)) {
            z.write(data);
        } finally {
            deflater.end();
        }
        return out.toByteArray();
    }

    private static final class CountingStream extends FilterInputStream {
        long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(0, n);
            return n;
        }
    }
}
