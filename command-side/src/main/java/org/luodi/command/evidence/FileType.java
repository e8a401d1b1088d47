package org.luodi.command.evidence;

/**
 * The media types an evidence file may have, told by its first bytes only (#19: "type checked by content not name"):
 * a file called 合同.pdf that is an executable, or a JPEG sent as text/plain, is what its bytes say.
 */
enum FileType {
    JPEG("image/jpeg"), PNG("image/png"), PDF("application/pdf");

    /** Enough of the head to tell them apart. */
    static final int HEAD = 8;
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    final String mediaType;

    FileType(String mediaType) {
        this.mediaType = mediaType;
    }

    /** The type of a file starting with {@code head[0..length)}, or null when it is none Luodi takes. */
    static FileType of(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xff && (head[1] & 0xff) == 0xd8 && (head[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (length >= PNG_SIGNATURE.length && startsWith(head, PNG_SIGNATURE)) {
            return PNG;
        }
        if (length >= 5 && startsWith(head, new byte[]{'%', 'P', 'D', 'F', '-'})) {
            return PDF;
        }
        return null;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
