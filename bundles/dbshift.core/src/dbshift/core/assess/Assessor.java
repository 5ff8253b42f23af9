package dbshift.core.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dbshift.core.model.Catalog;
import dbshift.core.model.ReadProblem;

/** Runs the target kind's rules over a catalog and orders the findings (most severe first, then by object). */
public final class Assessor {
    public static final String READ_PROBLEM_RULE = "READ-PROBLEM";
    public static final String INVALID_ON_SOURCE_RULE = "SOURCE-INVALID-OBJECT";
    public static final String CATALOG_GAP_RULE = "READ-CATALOG-GAP";
    public static final String NO_TABLES_RULE = "SOURCE-NO-TABLES";

    public List<Finding> assess(AssessmentContext context) {
        List<Finding> findings = new ArrayList<>();
        Catalog source = context.source();
        if (source.tables().isEmpty()) {
            // an empty script and "OK" would look like success: a read that found nothing must say where it looked
            String scope = source.setting(Catalog.SCOPE_SETTING);
            if (scope == null) {
                scope = source.schemas().isEmpty() ? "no schemas in scope"
                        : "schemas " + String.join(", ", source.schemas().stream().map(s -> s.name()).toList());
            }
            // nothing at all is blocking; modules without tables (a database of procedures) only worth a warning
            boolean nothing = source.schemas().stream().allMatch(s -> s.views().isEmpty() && s.routines().isEmpty()
                    && s.triggers().isEmpty() && s.sequences().isEmpty() && s.synonyms().isEmpty() && s.types().isEmpty()
                    && s.events().isEmpty());
            findings.add(new Finding(NO_TABLES_RULE, nothing ? Severity.BLOCKING : Severity.WARNING, "source", scope,
                    "the source read found no tables in scope (looked at: " + scope + ")"
                            + (source.problems().isEmpty() ? "" : "; " + source.problems().size() + " read problem(s) are listed"),
                    "Check the database in the URL, --databases and the login's permissions (VIEW DEFINITION) on the source.",
                    null));
        }
        for (ReadProblem problem : context.source().problems()) {
            if (problem.kind() == ReadProblem.Kind.CATALOG_GAP) {
                findings.add(new Finding(CATALOG_GAP_RULE, Severity.WARNING, problem.objectType(), problem.object(),
                        problem.message(), "Nothing is left out of the migration because of it; grant the login VIEW SERVER "
                                + "STATE / VIEW DEFINITION where the server has the view, or check what it names by hand.", null));
                continue;
            }
            if (problem.kind() == ReadProblem.Kind.INVALID_ON_SOURCE) {
                findings.add(new Finding(INVALID_ON_SOURCE_RULE, Severity.ERROR, problem.objectType(), problem.object(),
                        "is invalid on the source itself (" + problem.message() + "); it is left out of the migration, "
                                + "everything else goes ahead",
                        "Repair or drop it on the source (e.g. create what it references again), then migrate it.", null));
                continue;
            }
            findings.add(new Finding(READ_PROBLEM_RULE, Severity.ERROR, problem.objectType(), problem.object(),
                    "could not be read: " + problem.message(),
                    "Check the object on the source; it is not part of the migration until it can be read.", null));
        }
        for (AssessmentRule rule : context.target().rules()) {
            try {
                findings.addAll(rule.check(context));
            } catch (RuntimeException e) {
                findings.add(new Finding(rule.id(), Severity.ERROR, "rule", rule.id(),
                        "the rule failed: " + e, "Report this as a DBShift bug; the rule's check did not run.", null));
            }
        }
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::object)
                .thenComparing(Finding::ruleId));
        return findings;
    }
}
