package org.luodi.events;

/** The milestones a correction or a retraction can name. */
public enum Milestone {
    SIGNING, REGISTRATION, START, STORAGE, PRODUCTION, FUNDS, TERMINATION
}
