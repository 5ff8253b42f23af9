package dbshift.ui.navigator;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IFolder;
import org.eclipse.jface.viewers.IDecoration;
import org.eclipse.jface.viewers.ILightweightLabelDecorator;
import org.eclipse.jface.viewers.LabelProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dbshift.ui.project.MigrationProjects;

/**
 * Shows each past run's outcome beside its folder under runs/ ("ok · 13 tables, 21,010 rows"), read from the
 * report.json in it; cached per file modification.
 */
public final class RunDecorator extends LabelProvider implements ILightweightLabelDecorator {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    @Override
    public void decorate(Object element, IDecoration decoration) {
        if (!(element instanceof IFolder folder) || !(folder.getParent() instanceof IFolder runs)
                || !runs.getName().equals(MigrationProjects.RUNS) || MigrationProjects.of(folder) == null) {
            return;
        }
        IFile report = folder.getFile("report.json");
        if (!report.exists()) {
            return;
        }
        String key = report.getFullPath() + "@" + report.getModificationStamp();
        String suffix = cache.computeIfAbsent(key, k -> describe(report));
        if (!suffix.isEmpty()) {
            decoration.addSuffix("  " + suffix);
        }
    }

    private String describe(IFile report) {
        try {
            JsonNode r = json.readTree(report.getLocation().toFile());
            JsonNode s = r.path("summary");
            StringBuilder b = new StringBuilder(r.path("status").asText("?"));
            if (s.path("tables").asInt() > 0) {
                b.append(String.format(Locale.ROOT, " · %d tables, %,d rows", s.path("tables").asInt(), s.path("rows").asLong()));
            }
            if (s.path("objectsFailed").asInt() > 0) {
                b.append(" · ").append(s.path("objectsFailed").asInt()).append(" objects failed");
            }
            int findings = 0;
            for (JsonNode n : s.path("findings")) {
                findings += n.asInt();
            }
            if (findings > 0) {
                b.append(" · ").append(findings).append(" findings");
            }
            return b.toString();
        } catch (Exception e) {
            return "unreadable report";
        }
    }
}
