package dbshift.core.assess;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dbshift.core.model.ReadProblem;

/** Runs the target kind's rules over a catalog and orders the findings (most severe first, then by object). */
public final class Assessor {
    public static final String READ_PROBLEM_RULE = "READ-PROBLEM";
    public static final String INVALID_ON_SOURCE_RULE = "SOURCE-INVALID-OBJECT";

    public List<Finding> assess(AssessmentContext context) {
        List<Finding> findings = new ArrayList<>();
        for (ReadProblem problem : context.source().problems()) {
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
