package dbshift.ui.connections;

/** Which end of a migration a connection profile serves. */
public enum Side {
    SOURCE("source"), TARGET("target");

    private final String role;

    Side(String role) {
        this.role = role;
    }

    /** "source" or "target", as messages and the engine name the endpoint. */
    public String role() {
        return role;
    }

    public String title() {
        return this == SOURCE ? "Source" : "Target";
    }
}
