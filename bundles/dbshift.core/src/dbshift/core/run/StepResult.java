package dbshift.core.run;

/** One step of a run (assess, schema, data, verify, users …) with its outcome and duration. */
public record StepResult(String step, Status status, long millis, String message) {
}
