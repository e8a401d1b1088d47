package org.luodi.query.notify;

/** The group robots Luodi posts to: 企业微信 (WeCom) and 钉钉 (DingTalk), each with its own message format. */
public enum Platform {
    WECOM("企业微信"), DINGTALK("钉钉");

    private final String label;

    Platform(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
