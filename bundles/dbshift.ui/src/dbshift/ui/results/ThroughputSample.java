package dbshift.ui.results;

/** One point of a run's throughput curve: seconds since the run started, the step, units done and units per second. */
public record ThroughputSample(double seconds, String step, long done, double rate) {
}
