package org.luodi.query.audit;

import org.luodi.platform.problem.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A published digest, short enough to print in a bulletin and type back from paper: "LD1-" + the last global index
 * it covers + the first 160 bits of that seal's root in Crockford base32, in groups of four, e.g.
 * {@code LD1-4711-3KX8-Q2ZC-...}. Read back, case, spaces and the look-alikes O/I/L do not matter.
 */
public record Digest(long lastIndex, byte[] rootPrefix) {
    static final int ROOT_BYTES = 20;
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern FORM = Pattern.compile("LD1-(\\d{1,18})-([0-9A-Z-]+)");

    public static Digest of(long lastIndex, byte[] root) {
        return new Digest(lastIndex, Arrays.copyOf(root, ROOT_BYTES));
    }

    public boolean matches(byte[] root) {
        return Arrays.equals(rootPrefix, 0, ROOT_BYTES, root, 0, ROOT_BYTES);
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("LD1-").append(lastIndex);
        String code = base32(rootPrefix);
        for (int i = 0; i < code.length(); i += 4) {
            text.append('-').append(code, i, i + 4);
        }
        return text.toString();
    }

    public static Digest parse(String text) {
        String cleaned = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        Matcher form = FORM.matcher(cleaned);
        if (form.matches()) {
            String code = form.group(2).replace("-", "").replace('O', '0').replace('I', '1').replace('L', '1');
            byte[] root = code.length() == 32 ? decode(code) : null;
            if (root != null) {
                return new Digest(Long.parseLong(form.group(1)), root);
            }
        }
        throw new InvalidInputException("digest", "摘要格式不对，应形如 LD1-1234-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX");
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return out.toString(); // 160 bits: exactly 32 characters
    }

    private static byte[] decode(String code) {
        byte[] out = new byte[ROOT_BYTES];
        int buffer = 0;
        int bits = 0;
        int n = 0;
        for (char c : code.toCharArray()) {
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                return null;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                out[n++] = (byte) (buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Digest d && d.lastIndex == lastIndex && Arrays.equals(d.rootPrefix, rootPrefix);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(lastIndex) * 31 + Arrays.hashCode(rootPrefix);
    }
}
