package org.luodi.query.audit;

import org.luodi.query.audit.Seals.Seal;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Optional;

/** The digest to publish: the latest seal's, or the one as of a moment (the last seal made by then). */
@Service
public class AuditDigests {
    private final Seals seals;

    public AuditDigests(Seals seals) {
        this.seals = seals;
    }

    /** What GET /api/audit/digest answers: the digest and the seal it stands for. */
    public record DigestView(String digest, long sealNo, long lastIndex, long events, Instant sealedAt) {
        static DigestView of(Seal seal, long events) {
            return new DigestView(seal.digest().toString(), seal.sealNo(), seal.lastIndex(), events, seal.sealedAt());
        }
    }

    public Optional<DigestView> current() {
        return seals.latest().map(seal -> DigestView.of(seal, seals.eventsThrough(seal.sealNo())));
    }

    /** {@code moment} null: the current one. */
    public Optional<DigestView> view(Instant moment) {
        return moment == null ? current()
                : seals.asOf(moment).map(seal -> DigestView.of(seal, seals.eventsThrough(seal.sealNo())));
    }

    /** The digest a bulletin published at {@code moment} prints (null: now); null before the first seal. */
    public String asOf(Instant moment) {
        return (moment == null ? seals.latest() : seals.asOf(moment)).map(s -> s.digest().toString()).orElse(null);
    }
}
