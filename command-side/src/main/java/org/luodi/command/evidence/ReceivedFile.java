package org.luodi.command.evidence;

import org.luodi.events.EvidenceFile;
import org.luodi.events.EvidenceKind;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.RefusedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded file as received: copied into a temporary file of its own in 64 KiB steps while its SHA-256 and size
 * are computed (never whole in memory), refused past {@code limit} bytes (413) or when its first bytes are not a
 * JPEG, PNG or PDF (415), and, for a JPEG, its EXIF read. Nothing here touches the database. Close it to delete the
 * temporary file.
 */
final class ReceivedFile implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    final Path path;
    final long size;
    final String sha256;
    final FileType type;
    final Exif exif;

    private ReceivedFile(Path path, long size, String sha256, FileType type, Exif exif) {
        this.path = path;
        this.size = size;
        this.sha256 = sha256;
        this.type = type;
        this.exif = exif;
    }

    static ReceivedFile receive(InputStream in, long limit) throws IOException {
        Path temp = Files.createTempFile("evidence-", ".upload");
        try {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[CHUNK];
            byte[] head = new byte[FileType.HEAD];
            int headLength = 0;
            long size = 0;
            try (OutputStream out = Files.newOutputStream(temp)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > limit) {
                        throw new RefusedException(ErrorCode.EVIDENCE_TOO_LARGE, ErrorCode.EVIDENCE_TOO_LARGE.meaning());
                    }
                    int copy = Math.min(n, head.length - headLength);
                    System.arraycopy(buffer, 0, head, headLength, Math.max(copy, 0));
                    headLength += Math.max(copy, 0);
                    digest.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            FileType type = FileType.of(head, headLength);
            if (type == null) {
                throw new RefusedException(ErrorCode.EVIDENCE_TYPE_REFUSED, ErrorCode.EVIDENCE_TYPE_REFUSED.meaning());
            }
            Exif exif = type == FileType.JPEG ? Exif.read(temp) : Exif.NONE;
            return new ReceivedFile(temp, size, HexFormat.of().formatHex(digest.digest()), type, exif);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** What the event records of this file, under the name it was uploaded with (cleaned, at most 200 characters). */
    EvidenceFile describe(String fileName, EvidenceKind kind) {
        return new EvidenceFile(cleanName(fileName), type.mediaType, size, sha256, kind, exif.capturedAt(),
                exif.latitude(), exif.longitude());
    }

    /** A name to show, never a path: the last segment, control characters dropped, at most 200 characters. */
    static String cleanName(String name) {
        if (name == null || name.isBlank()) {
            return "未命名文件";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        last.codePoints().filter(c -> !Character.isISOControl(c) && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE)
                .forEach(clean::appendCodePoint);
        String stripped = clean.toString().strip();
        if (stripped.isEmpty()) {
            return "未命名文件";
        }
        StringBuilder limited = new StringBuilder();
        stripped.codePoints().limit(200).forEach(limited::appendCodePoint);
        return limited.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }
}
