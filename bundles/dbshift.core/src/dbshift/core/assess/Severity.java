package dbshift.core.assess;

/** How much a finding matters: BLOCKING stops a migration until fixed or accepted; the others inform. */
public enum Severity {
    BLOCKING, ERROR, WARNING, INFO
}
