package org.luodi.query.evidence;

import org.luodi.platform.evidence.EvidenceStore;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.NotFoundException;
import org.luodi.platform.problem.RefusedException;
import org.luodi.platform.web.BodySizeLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Optional;

/**
 * The bytes of a file as served: read from the {@link EvidenceStore} and checked against the SHA-256 its event
 * recorded, so that a file changed or swapped in the store is refused (409 evidence.unverifiable) rather than shown as
 * proof. Thumbnails are decoded from the pixels by ImageIO, with the image's size bounded before any pixel is
 * decoded, subsampled on reading, and encoded afresh as PNG: nothing of the original file (its EXIF, its embedded
 * thumbnail, a script hidden in a comment) reaches the browser through them.
 */
@Component
class EvidenceFiles {
    private static final Logger log = LoggerFactory.getLogger(EvidenceFiles.class);
    /** The longer side of a thumbnail, in pixels. */
    static final int THUMBNAIL = 320;
    /** No image of more pixels is decoded at all (a 24-megapixel camera is well within; a pixel bomb is not). */
    static final long MAX_PIXELS = 50_000_000L;

    private final EvidenceStore store;

    EvidenceFiles(EvidenceStore store) {
        this.store = store;
    }

    /** The file's bytes, checked against {@code sha256}. */
    byte[] verified(EvidenceQueries.Stored file) {
        byte[] bytes;
        try {
            Optional<InputStream> opened = store.open(file.sha256());
            if (opened.isEmpty()) {
                log.warn("evidence {}: no bytes under {} in the store", file.evidenceId(), file.sha256());
                throw unverifiable();
            }
            try (InputStream in = opened.get()) {
                bytes = in.readNBytes((int) BodySizeLimitFilter.EVIDENCE_FILE_LIMIT + 1);
            }
        } catch (IOException e) {
            log.warn("evidence {}: store unreadable: {}", file.evidenceId(), e.toString());
            throw unverifiable();
        }
        if (!sha256(bytes).equals(file.sha256())) {
            log.warn("evidence {}: stored bytes do not match the recorded SHA-256 {}", file.evidenceId(), file.sha256());
            throw unverifiable();
        }
        return bytes;
    }

    /** A PNG of at most {@link #THUMBNAIL} pixels on its longer side, drawn from the image's pixels. */
    byte[] thumbnail(EvidenceQueries.Stored file) {
        if (!file.mediaType().startsWith("image/")) {
            throw new NotFoundException(NotFoundException.Kind.EVIDENCE, file.evidenceId(), "该文件不是图片，没有缩略图");
        }
        byte[] bytes = verified(file);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw undecodable();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true); // ignore metadata: only the pixels are read
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width <= 0 || height <= 0 || width * height > MAX_PIXELS) {
                    throw undecodable();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / (THUMBNAIL * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                return png(scaled(image));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof RefusedException refused) {
                throw refused;
            }
            log.info("evidence {}: image not decodable: {}", file.evidenceId(), e.toString());
            throw undecodable();
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        double factor = Math.min(1.0, (double) THUMBNAIL / Math.max(image.getWidth(), image.getHeight()));
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return out;
    }

    private static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RefusedException unverifiable() {
        return new RefusedException(ErrorCode.EVIDENCE_UNVERIFIABLE, ErrorCode.EVIDENCE_UNVERIFIABLE.meaning());
    }

    private static RefusedException undecodable() {
        return new RefusedException(ErrorCode.EVIDENCE_TYPE_REFUSED, "图片无法解码或尺寸过大，不能生成缩略图");
    }
}
