package org.luodi.command.evidence;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Files as offices upload them: a site photo with or without EXIF, a PNG, a PDF, and things that are none of these. */
public final class TestFiles {
    private TestFiles() {
    }

    public static byte[] png(int width, int height) {
        return image(width, height, "png");
    }

    public static byte[] jpeg(int width, int height) {
        return image(width, height, "jpg");
    }

    public static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
                .getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A Windows executable's first bytes, whatever it is called. */
    public static byte[] executable() {
        byte[] bytes = new byte[256];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        return bytes;
    }

    /** A JPEG whose APP1 says it was taken at {@code taken} at latitude/longitude (north and east). */
    public static byte[] jpegWithExif(LocalDateTime taken, double latitude, double longitude) {
        byte[] jpeg = jpeg(64, 48);
        byte[] app1 = app1(taken, latitude, longitude);
        byte[] out = new byte[jpeg.length + app1.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(app1, 0, out, 2, app1.length);
        System.arraycopy(jpeg, 2, out, 2 + app1.length, jpeg.length - 2);
        return out;
    }

    /** An EXIF APP1 segment, big-endian TIFF: IFD0 → EXIF IFD (DateTimeOriginal) and GPS IFD (N/E, d/m/s). */
    static byte[] app1(LocalDateTime taken, double latitude, double longitude) {
        ByteBuffer tiff = ByteBuffer.allocate(178);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
        tiff.putShort((short) 2);                                   // IFD0 at 8
        entry(tiff, 0x8769, 4, 1, 38);
        entry(tiff, 0x8825, 4, 1, 76);
        tiff.putInt(0);
        tiff.putShort((short) 1);                                   // EXIF IFD at 38
        entry(tiff, 0x9003, 2, 20, 56);
        tiff.putInt(0);
        tiff.put((taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")) + "\0")
                .getBytes(StandardCharsets.US_ASCII));              // at 56
        tiff.putShort((short) 4);                                   // GPS IFD at 76
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[]{'N', 0, 0, 0});
        entry(tiff, 2, 5, 3, 130);
        tiff.putShort((short) 3).putShort((short) 2).putInt(2).put(new byte[]{'E', 0, 0, 0});
        entry(tiff, 4, 5, 3, 154);
        tiff.putInt(0);
        dms(tiff, latitude);                                        // at 130
        dms(tiff, longitude);                                       // at 154
        ByteBuffer segment = ByteBuffer.allocate(4 + 6 + 178);
        segment.put((byte) 0xff).put((byte) 0xe1).putShort((short) (2 + 6 + 178));
        segment.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array());
        return segment.array();
    }

    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count).putInt(value);
    }

    private static void dms(ByteBuffer b, double degrees) {
        int d = (int) degrees;
        double minutes = (degrees - d) * 60;
        int m = (int) minutes;
        long centiSeconds = Math.round((minutes - m) * 60 * 100);
        b.putInt(d).putInt(1).putInt(m).putInt(1).putInt((int) centiSeconds).putInt(100);
    }

    private static byte[] image(int width, int height, String format) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x3a7bd5));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
