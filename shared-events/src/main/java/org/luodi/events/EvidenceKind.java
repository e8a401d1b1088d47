package org.luodi.events;

/** What a file proves, as seed 004 (lines 306-314) names the proof each scored item needs. */
public enum EvidenceKind {
    CONTRACT("合同文本"), SITE_PHOTO("现场施工照片"), BUSINESS_LICENCE("营业执照"), BANK_RECEIPT("银行回单"),
    OTHER("其他");

    private final String label;

    EvidenceKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
