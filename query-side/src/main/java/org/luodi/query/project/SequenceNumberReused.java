package org.luodi.query.project;

/**
 * A project's event under a sequence number that another stored event already had: the earlier event was deleted
 * from the store and its number taken again. Thrown by the writer so that the event is parked for its project (and
 * verify names it as tampering), never skipped as if it were a redelivery.
 */
class SequenceNumberReused extends IllegalStateException {
    SequenceNumberReused(String projectId, long sequence, String writtenBy, String arriving) {
        super("项目 " + projectId + " 的第 " + sequence + " 号事件已由事件 " + writtenBy + " 写入读模型，"
                + "事件 " + arriving + " 又使用了这个序号：事件存储被改动过（sequence number reused）");
    }
}
