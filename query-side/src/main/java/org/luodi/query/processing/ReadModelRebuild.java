package org.luodi.query.processing;


import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.luodi.platform.problem.ErrorCode;
import org.luodi.platform.problem.RuleViolationException;
import org.luodi.platform.security.LuodiUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.util.Optional;

/**
 * Rebuilds one read model from the event store while the others keep serving: stops its processor, resets its
 * tokens (its {@code @ResetHandler} empties its tables in the same transaction), drops its parked events (the replay
 * meets them again) and starts it again; it then replays
 * every event in the background, and {@link ProcessingProgress} reports how far it got.
 */
@Service
public class ReadModelRebuild {
    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    private final ProcessingProgress progress;
    private final DeadLetterAdmin deadLetters;

    public ReadModelRebuild(ProcessingProgress progress, DeadLetterAdmin deadLetters) {
        this.progress = progress;
        this.deadLetters = deadLetters;
    }

    /** The group's status right after the replay began; empty for an unknown processing group. */
    public synchronized Optional<ProcessorStatus> rebuild(String processingGroup) {
        Optional<StreamingEventProcessor> found = progress.processor(processingGroup);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StreamingEventProcessor processor = found.get();
        if (!processor.supportsReset()) {
            throw new RuleViolationException(ErrorCode.READ_MODEL_NOT_RESETTABLE, "该读模型不支持重建");
        }
        log.info("rebuilding read model {} from the event store", processingGroup);
        processor.shutDown();
        try {
            processor.resetTokens();
            // the replay meets every parked event again: parked once more if it still fails, applied if it is fixed
            deadLetters.clearForRebuild(processingGroup, actor());
        } catch (UnableToClaimTokenException e) {
            // Without a central coordinator a reset needs every segment: another instance still holds one.
            throw new RuleViolationException(ErrorCode.READ_MODEL_CLAIMED,
                    "其他查询端实例正在处理该读模型，请先停止其他实例再重建");
        } finally {
            processor.start();
        }
        return progress.status(processingGroup);
    }

    private static String actor() {
        try {
            return LuodiUser.current().username();
        } catch (RuntimeException noUser) {
            return "system";
        }
    }
}
