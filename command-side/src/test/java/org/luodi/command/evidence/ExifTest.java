package org.luodi.command.evidence;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The hand-written EXIF reader: what a camera writes, and garbage, which yields nothing and never an exception. */
class ExifTest {
    private static final LocalDateTime TAKEN = LocalDateTime.of(2024, 3, 2, 14, 5, 9);

    @Test
    void readsTheCaptureTimeAndThePlace() {
        Exif exif = Exif.of(TestFiles.jpegWithExif(TAKEN, 30.0925, 114.98765));
        assertThat(exif.capturedAt()).isEqualTo(TAKEN);
        // d/m/s with hundredths of a second: within 1/360000 of a degree
        assertThat(exif.latitude()).isCloseTo(30.0925, within(1e-5));
        assertThat(exif.longitude()).isCloseTo(114.98765, within(1e-5));
    }

    @Test
    void aPhotoWithoutExifHasNone() {
        assertThat(Exif.of(TestFiles.jpeg(40, 30))).isEqualTo(Exif.NONE);
    }

    @Test
    void garbageYieldsNothingAndNeverThrows() {
        byte[] good = TestFiles.jpegWithExif(TAKEN, 30.0925, 114.98765);
        Random random = new Random(19);
        for (int i = 0; i < 2000; i++) {
            byte[] broken = good.clone();
            for (int j = 0; j < 1 + random.nextInt(8); j++) {
                broken[2 + random.nextInt(200)] = (byte) random.nextInt(256);
            }
            Exif.of(broken); // may read something or nothing, never throws
            Exif.of(Arrays.copyOf(good, random.nextInt(good.length)));
        }
        byte[] loop = good.clone();
        loop[2 + 4 + 6 + 4 + 3] = 8; // IFD0's offset pointing at itself: still terminates
        Exif.of(loop);
        assertThat(Exif.of(new byte[]{(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe1, 0, 1})).isEqualTo(Exif.NONE);
    }

    @Test
    void theTypeIsTheContentsNotTheName() {
        assertThat(FileType.of(TestFiles.jpeg(4, 4), 8)).isEqualTo(FileType.JPEG);
        assertThat(FileType.of(TestFiles.png(4, 4), 8)).isEqualTo(FileType.PNG);
        assertThat(FileType.of(TestFiles.pdf(), 8)).isEqualTo(FileType.PDF);
        assertThat(FileType.of(TestFiles.executable(), 8)).isNull();
        assertThat(FileType.of("<svg onload=alert(1)>".getBytes(), 8)).isNull();
        assertThat(FileType.of(new byte[]{(byte) 0xff, (byte) 0xd8}, 2)).isNull();
    }

    @Test
    void aNameIsShownNeverUsedAsAPath() {
        assertThat(ReceivedFile.cleanName("C:\\Users\\x\\开工\u0000照片.jpg")).isEqualTo("开工照片.jpg");
        assertThat(ReceivedFile.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(ReceivedFile.cleanName(" \u202e ")).isEqualTo("未命名文件");
        assertThat(ReceivedFile.cleanName("长".repeat(300))).hasSize(200);
    }
}
