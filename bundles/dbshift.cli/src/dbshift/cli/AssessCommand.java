package dbshift.cli;

import java.io.PrintWriter;

import dbshift.core.assess.Finding;
import dbshift.core.run.Migration;
import picocli.CommandLine.Command;

@Command(name = "assess", description = "Read the source (and the target, if given) and list what needs attention before migrating.")
final class AssessCommand extends MigrationCommand {
    AssessCommand() {
        super(true, false);
    }

    @Override
    void perform(Migration migration, PrintWriter out) {
        var findings = migration.assess();
        var counts = new java.util.TreeMap<String, Integer>();
        migration.readSource().schemas().forEach(s -> {
            counts.merge("databases", 1, Integer::sum);
            counts.merge("tables", s.tables().size(), Integer::sum);
            counts.merge("views", s.views().size(), Integer::sum);
            counts.merge("routines", s.routines().size(), Integer::sum);
            counts.merge("triggers", s.triggers().size(), Integer::sum);
            counts.merge("events", s.events().size(), Integer::sum);
        });
        out.println("Source: " + migration.readSource().dialect() + " " + migration.readSource().serverVersion() + "; "
                + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).reduce((a, b) -> a + ", " + b).orElse("")
                + "; " + migration.readSource().principals().size() + " accounts");
        out.println("Target kind: " + migration.targetKind().displayName());
        var previews = migration.lossyValues();
        if (!previews.isEmpty()) {
            long hurt = previews.stream().filter(p -> p.affectedRows() > 0).count();
            out.println("Lossy-value preview (" + migration.options().probe() + "): " + previews.size()
                    + " column(s) whose target type can change values, " + hurt + " with such values in the rows read");
        }
        for (Finding f : findings) {
            out.printf("%-8s %-24s %s %s: %s%n", f.severity(), f.ruleId(), f.objectType(), f.object(), f.message());
            if (f.fixHint() != null) {
                out.println("         fix: " + f.fixHint());
            }
        }
        if (findings.isEmpty()) {
            out.println("No findings.");
        }
    }
}
