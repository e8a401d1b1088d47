package org.luodi.command.api;

import java.util.UUID;

/**
 * Aggregate ids are UUIDs in canonical (lower-case, hyphenated) form, so that one aggregate cannot be reached under
 * two spellings of its id. Each caller decides what a text that is not one means (400 in a body, 404 in a path, a
 * cell's error in a ledger).
 */
public final class CanonicalUuid {
    private CanonicalUuid() {
    }

    /** The canonical form of {@code text}, or null when it is not a UUID written canonically (in either case). */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        try {
            String canonical = UUID.fromString(text).toString();
            return canonical.equalsIgnoreCase(text) ? canonical : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
