package org.luodi.events;

import java.time.LocalDateTime;

/**
 * A file of proof as the events record it (#19, 实证): its name as uploaded, the media type Luodi found in its first
 * bytes (image/jpeg, image/png or application/pdf, never what the name or the browser claimed), its size in bytes,
 * its SHA-256 (lower-case hex: the bytes themselves are kept apart, by this hash, and the hash chain covers it), what it
 * proves, and, for a photo, the capture time (EXIF DateTimeOriginal, local time as the camera kept it) and place (GPS,
 * decimal degrees) when the file carries them; null when it does not.
 */
public record EvidenceFile(String fileName, String mediaType, long size, String sha256, EvidenceKind kind,
                           LocalDateTime capturedAt, Double latitude, Double longitude) {
}
