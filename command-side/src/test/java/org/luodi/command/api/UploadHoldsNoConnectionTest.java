package org.luodi.command.api;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.luodi.command.evidence.TestFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import javax.sql.DataSource;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * #19's performance rule: uploading a 10 MB photo does not hold a database connection for the upload's duration.
 * A slow client sends half of a 10 MB photo and pauses: no connection is active; the test then holds one of the
 * pool's two (Flyway needs two at start), and another user's command meanwhile gets the only one left and succeeds,
 * which it could not if the upload held one; then the upload completes and is recorded.
 */
@TestPropertySource(properties = {
        "spring.datasource.hikari.maximum-pool-size=2",
        "spring.datasource.hikari.connection-timeout=1000"})
class UploadHoldsNoConnectionTest extends CommandSideApiTest {
    @Autowired
    DataSource dataSource;

    @Test
    void aSlowTenMegabyteUploadLeavesTheOnlyConnectionToOthers() throws Exception {
        String project = signGaoxinProject();
        byte[] photo = new byte[10 * 1024 * 1024];
        byte[] jpeg = TestFiles.jpeg(32, 32);
        System.arraycopy(jpeg, 0, photo, 0, jpeg.length); // a JPEG's head, then ten megabytes of "pixels"
        byte[] body = ApiClient.multipart("大照片.jpg", "image/jpeg", photo, "kind", "SITE_PHOTO");
        int half = body.length / 2;

        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/projects/" + project + "/evidence HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: " + gaoxin.authorization() + "\r\n"
                    + "Content-Type: multipart/form-data; boundary=" + ApiClient.BOUNDARY + "\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < half; at += 256 * 1024) {
                out.write(body, at, Math.min(256 * 1024, half - at));
                out.flush();
                Thread.sleep(40);
            }
            Thread.sleep(500); // the server has read what came; the rest is still "on the way"

            assertThat(((HikariDataSource) dataSource).getHikariPoolMXBean().getActiveConnections())
                    .as("connections in use while the upload is half received").isZero();
            try (Connection held = dataSource.getConnection()) {
                ApiClient.Answer meanwhile = chengui.post("/api/projects", """
                        {"name":"陈贵镇项目","investor":"某公司","township":"chengui","industryChain":"smart-equipment",
                         "industrial":true,"contractAmountWan":800,"sourceRegion":"IN_PROVINCE",
                         "signedOn":"2024-06-01"}""");
                assertThat(meanwhile.status()).as("another command during the upload: " + meanwhile.body())
                        .isEqualTo(201);
            }

            out.write(body, half, body.length - half);
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201");
        }
        assertThat(eventCount(project)).as("signed, then the photo attached").isEqualTo(2);
    }
}
