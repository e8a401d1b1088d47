package org.luodi.command.project;

/** A project as others on the command side may know it: whose it is, and whether it is still alive. */
public record ProjectStanding(String projectId, String township, boolean voided, boolean terminated) {
}
