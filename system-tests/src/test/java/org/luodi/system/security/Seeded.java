package org.luodi.system.security;

import java.util.Random;

/**
 * The seed of the hostile-input generators. Fixed by default so that every build sends the same requests, printed
 * with every failure, and replaced with {@code -Dluodi.hostile.seed=…} to replay a failure or to try other inputs;
 * {@code -Dluodi.hostile.case=N} runs only case N of each generator. Each case gets a {@link Random} of its own,
 * derived from the seed, the generator's name and the case's number, so a single case replays without the others.
 */
final class Seeded {
    static final String SEED_PROPERTY = "luodi.hostile.seed";
    static final String CASE_PROPERTY = "luodi.hostile.case";
    static final long DEFAULT_SEED = 20240520L;

    private Seeded() {
    }

    static long seed() {
        String value = System.getProperty(SEED_PROPERTY, "").trim();
        return value.isEmpty() ? DEFAULT_SEED : Long.decode(value);
    }

    /** The one case to run (from {@code luodi.hostile.case}, numbered from 1), or -1 for all. */
    static int onlyCase() {
        String value = System.getProperty(CASE_PROPERTY, "").trim();
        return value.isEmpty() ? -1 : Integer.parseInt(value);
    }

    static Random random(long seed, String generator, int index) {
        return new Random(mix(mix(seed ^ generator.hashCode()) + index));
    }

    /** The system properties that send the same input again. */
    static String replay(long seed, String test, int index) {
        return "-Dtest='HostileInputTest#" + test + "' -D" + SEED_PROPERTY + "=" + seed + " -D" + CASE_PROPERTY + "="
                + index;
    }

    /** SplitMix64's finalizer: nearby seeds (case 1, case 2) give unrelated streams. */
    private static long mix(long z) {
        z += 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
