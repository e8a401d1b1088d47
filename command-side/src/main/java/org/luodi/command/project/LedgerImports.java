package org.luodi.command.project;

/**
 * The mark a 台账 import's commands carry (command metadata, never copied onto events; the events carry the reason
 * "台账导入 file name"): with it a supervisor may record a signing and milestones of any township, which the forms
 * leave to the township's own clerk. Only the server sets it (the command side's ledger import); an HTTP client
 * cannot put metadata on a command.
 */
public final class LedgerImports {
    public static final String METADATA_KEY = "ledger.import";

    private LedgerImports() {
    }
}
