package org.luodi.events;

/** 新建 (new construction) or 复工/续建 (resumed or continued construction). */
public enum StartKind {
    NEW, RESUMED
}
