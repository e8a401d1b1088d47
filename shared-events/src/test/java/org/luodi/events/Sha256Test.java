package org.luodi.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class Sha256Test {

    /** FIPS 180-2's example: the chain, the fingerprints and the seals all read this form. */
    @Test
    void aTextsHashIsItsUtf8BytesHashAsLowerCaseHex() {
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
                .isEqualTo(Sha256.hex("abc".getBytes(StandardCharsets.UTF_8)));
        assertThat(Sha256.hex("落地")).isEqualTo(Sha256.hex("落地".getBytes(StandardCharsets.UTF_8))).hasSize(64);
    }
}
