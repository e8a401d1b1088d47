package org.luodi.command.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A photo's capture time (EXIF DateTimeOriginal, else DateTime) and GPS position, read by hand from a JPEG's APP1
 * segment: about a hundred lines instead of a metadata library, because Luodi needs three values and nothing else.
 * Bounded and tolerant: it reads at most {@link #SCAN} bytes, follows only IFD offsets that land inside the segment,
 * at most {@link #MAX_ENTRIES} entries per directory, and answers {@link #NONE} for anything it cannot make sense of;
 * it never throws on garbage. Where the values come from is the camera's word, not proof: the pages show them as such.
 */
record Exif(LocalDateTime capturedAt, Double latitude, Double longitude) {
    static final Exif NONE = new Exif(null, null, null);
    /** APP1 is the first segments' business; a photo whose first 256 KiB hold no EXIF has none worth reading. */
    static final int SCAN = 256 * 1024;
    private static final int MAX_ENTRIES = 256;
    private static final int TAG_DATE_TIME = 0x0132;
    private static final int TAG_EXIF_IFD = 0x8769;
    private static final int TAG_GPS_IFD = 0x8825;
    private static final int TAG_DATE_TIME_ORIGINAL = 0x9003;
    private static final DateTimeFormatter EXIF_TIME = DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss");

    static Exif read(Path jpeg) {
        try (InputStream in = Files.newInputStream(jpeg)) {
            return of(in.readNBytes(SCAN));
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    /** The EXIF of a JPEG starting with {@code bytes}. */
    static Exif of(byte[] bytes) {
        try {
            int at = 2; // after SOI
            while (at + 4 <= bytes.length && (bytes[at] & 0xff) == 0xff) {
                int marker = bytes[at + 1] & 0xff;
                int length = u16(bytes, at + 2, false);
                if (marker == 0xda || marker == 0xd9 || length < 2) {
                    return NONE; // image data begins: no APP1 before it
                }
                int start = at + 4;
                int end = Math.min(at + 2 + length, bytes.length);
                if (marker == 0xe1 && end - start > 14 && new String(bytes, start, 6, StandardCharsets.ISO_8859_1)
                        .equals("Exif\0\0")) {
                    return tiff(bytes, start + 6, end);
                }
                at = at + 2 + length;
            }
        } catch (RuntimeException e) {
            // garbage: no EXIF
        }
        return NONE;
    }

    /** The TIFF structure of bytes[base, end): IFD0, then the EXIF and GPS directories it points to. */
    private static Exif tiff(byte[] b, int base, int end) {
        boolean little = b[base] == 'I' && b[base + 1] == 'I';
        if (!little && !(b[base] == 'M' && b[base + 1] == 'M')) {
            return NONE;
        }
        Tiff t = new Tiff(b, base, end, little);
        if (t.u16(2) != 42) {
            return NONE;
        }
        long ifd0 = t.u32(4);
        String dateTime = t.ascii(ifd0, TAG_DATE_TIME);
        Long exifIfd = t.offset(ifd0, TAG_EXIF_IFD);
        String original = exifIfd == null ? null : t.ascii(exifIfd, TAG_DATE_TIME_ORIGINAL);
        Long gpsIfd = t.offset(ifd0, TAG_GPS_IFD);
        Double latitude = gpsIfd == null ? null : t.degrees(gpsIfd, 1, 2, 'S', 90);
        Double longitude = gpsIfd == null ? null : t.degrees(gpsIfd, 3, 4, 'W', 180);
        return new Exif(time(original != null ? original : dateTime), latitude == null || longitude == null ? null
                : latitude, latitude == null || longitude == null ? null : longitude);
    }

    private static LocalDateTime time(String text) {
        if (text == null || text.length() < 19) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.substring(0, 19), EXIF_TIME);
        } catch (RuntimeException e) {
            return null; // "0000:00:00 00:00:00" and the like
        }
    }

    private static int u16(byte[] b, int at, boolean little) {
        return little ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    /** Offsets relative to the TIFF header at {@code base}; every read is checked against {@code end}. */
    private record Tiff(byte[] b, int base, int end, boolean little) {
        int u16(long offset) {
            check(offset, 2);
            return Exif.u16(b, (int) (base + offset), little);
        }

        long u32(long offset) {
            check(offset, 4);
            int at = (int) (base + offset);
            long hi = little ? Exif.u16(b, at + 2, true) : Exif.u16(b, at, false);
            long lo = little ? Exif.u16(b, at, true) : Exif.u16(b, at + 2, false);
            return hi << 16 | lo;
        }

        void check(long offset, int size) {
            if (offset < 0 || base + offset + size > end) {
                throw new IndexOutOfBoundsException("outside the EXIF segment");
            }
        }

        /** The entry of {@code tag} in the directory at {@code ifd}: its offset, or -1. */
        long entry(long ifd, int tag) {
            int count = u16(ifd);
            for (int i = 0; i < Math.min(count, MAX_ENTRIES); i++) {
                long entry = ifd + 2 + 12L * i;
                if (u16(entry) == tag) {
                    return entry;
                }
            }
            return -1;
        }

        Long offset(long ifd, int tag) {
            long entry = entry(ifd, tag);
            return entry < 0 ? null : u32(entry + 8);
        }

        String ascii(long ifd, int tag) {
            long entry = entry(ifd, tag);
            if (entry < 0 || u16(entry + 2) != 2) {
                return null;
            }
            long count = u32(entry + 4);
            if (count > 64) {
                return null;
            }
            long at = count <= 4 ? entry + 8 : u32(entry + 8);
            check(at, (int) count);
            return new String(b, (int) (base + at), (int) count, StandardCharsets.ISO_8859_1);
        }

        /** Degrees from a GPS reference tag (N/S, E/W) and its three rationals; null when absent or out of range. */
        Double degrees(long ifd, int refTag, int valueTag, char negative, double limit) {
            String ref = ascii(ifd, refTag);
            long entry = entry(ifd, valueTag);
            if (ref == null || ref.isEmpty() || entry < 0 || u16(entry + 2) != 5 || u32(entry + 4) != 3) {
                return null;
            }
            long at = u32(entry + 8);
            double value = 0;
            for (int i = 0; i < 3; i++) {
                long numerator = u32(at + 8L * i);
                long denominator = u32(at + 8L * i + 4);
                if (denominator == 0) {
                    return null;
                }
                value += (double) numerator / denominator / Math.pow(60, i);
            }
            if (value > limit) {
                return null;
            }
            return ref.charAt(0) == negative ? -value : value;
        }
    }
}
