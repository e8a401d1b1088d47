package org.luodi.platform.problem;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/contract.md lists every code with its status, and codes are unique: clients decide by them. */
class ErrorCodeDocumentedTest {

    @Test
    void everyCodeIsInTheContractsTableWithItsStatus() throws IOException {
        String contract = Files.readString(Path.of("..", "docs", "contract.md"));
        for (ErrorCode code : ErrorCode.values()) {
            String status = code == ErrorCode.REQUEST_REFUSED ? "4xx" : String.valueOf(code.status());
            assertThat(contract).as(code.name()).contains("| `" + code.code() + "` | " + status + " | ");
        }
    }

    @Test
    void codesAreUniqueAndDotted() {
        Set<String> seen = new HashSet<>();
        Arrays.stream(ErrorCode.values()).forEach(code -> {
            assertThat(seen.add(code.code())).as("duplicate " + code.code()).isTrue();
            assertThat(code.code()).matches("[a-z-]+(\\.[a-z-]+)+");
        });
    }
}
