package org.luodi.system.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** The readable text of an answer, for leak checks: JSON and text as they are, an Excel file's XML parts unzipped. */
final class Leaks {
    private Leaks() {
    }

    static String readable(Http.Answer answer) {
        byte[] body = answer.body();
        if (body.length > 4 && body[0] == 'P' && body[1] == 'K') {
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    if (entry.getName().endsWith(".xml")) {
                        text.append(new String(zip.readNBytes(8 * 1024 * 1024), StandardCharsets.UTF_8)).append('\n');
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return text.toString();
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
