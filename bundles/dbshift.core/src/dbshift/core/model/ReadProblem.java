package dbshift.core.model;

/** An object a reader saw but could not read or parse; reported, never dropped silently. */
public record ReadProblem(String objectType, String object, String message) {
}
