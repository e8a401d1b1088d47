package org.luodi.query.vocabulary;

import io.swagger.v3.oas.annotations.Operation;
import org.luodi.query.alert.AlertProperties;
import org.luodi.query.bulletin.BulletinProperties;
import org.luodi.query.stats.ShareTargets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** GET /api/vocabulary: the words every page renders codes with; the same for every signed-in user. */
@RestController
@EnableConfigurationProperties(ShareTargets.class)
public class VocabularyController {
    private final Vocabulary vocabulary;

    public VocabularyController(AlertProperties alerts, BulletinProperties bulletin, ShareTargets shares) {
        this.vocabulary = Vocabulary.of(alerts, bulletin, shares);
    }

    @Operation(summary = "The domain's words with their Chinese labels, thresholds and the 约谈 ladder, for the pages")
    @GetMapping("/api/vocabulary")
    public Vocabulary vocabulary() {
        return vocabulary;
    }
}
