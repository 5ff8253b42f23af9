package dbshift.core.replay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Reads and writes {@code workload.json}. */
public final class WorkloadFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorkloadFile() {
    }

    public static void write(Workload workload, Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        JSON.writeValue(file.toFile(), workload);
    }

    /** Reads a workload, or says clearly what is wrong with the file. */
    public static Workload read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("workload file " + file + " does not exist (write one with 'dbshift capture --out DIR')");
        }
        Workload w;
        try {
            w = JSON.readValue(file.toFile(), Workload.class);
        } catch (IOException e) {
            throw new IOException("workload file " + file + " is not a DBShift workload: " + e.getMessage(), e);
        }
        if (w.workloadVersion() > Workload.VERSION) {
            throw new IOException("workload file " + file + " has version " + w.workloadVersion()
                    + ", newer than this DBShift reads (" + Workload.VERSION + "); use a newer DBShift");
        }
        if (w.statements() == null) {
            throw new IOException("workload file " + file + " has no statements list");
        }
        return w;
    }
}
