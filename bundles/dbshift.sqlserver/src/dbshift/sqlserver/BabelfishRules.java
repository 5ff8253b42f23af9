package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dbshift.core.assess.AssessmentContext;
import dbshift.core.assess.AssessmentRule;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.model.CheckConstraint;
import dbshift.core.model.Column;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.sqlserver.TSqlLexer.Token;

/**
 * Rules for a Babelfish for PostgreSQL target (Babelfish for Aurora PostgreSQL, or the open-source build): the SQL
 * Server rules, and the T-SQL features Babelfish documents as unsupported or different, in the spirit of AWS's Babelfish
 * Compass. Checked against Babelfish 4.2 where noted in README; the rest follows its documentation.
 */
final class BabelfishRules {

    private BabelfishRules() {
    }

    static List<AssessmentRule> forTarget() {
        List<AssessmentRule> rules = new ArrayList<>(SqlServerRules.forTarget(SqlServerDialect.TARGET_SQLSERVER));
        rules.add(AssessmentRule.of("BABELFISH-MERGE", "MERGE statements in modules", c -> moduleWords(c, "BABELFISH-MERGE",
                List.of("MERGE"), Severity.ERROR, "uses MERGE, which Babelfish does not support: the module fails to create",
                "Rewrite the MERGE as UPDATE and INSERT (and DELETE) statements in a transaction.")));
        rules.add(AssessmentRule.of("BABELFISH-CHANGE-TRACKING", "change tracking and CHANGETABLE", c -> moduleWords(c,
                "BABELFISH-CHANGE-TRACKING", List.of("CHANGETABLE", "CHANGE_TRACKING_CURRENT_VERSION"), Severity.ERROR,
                "reads change tracking, which Babelfish does not have", "Track changes with a trigger and a table of your own.")));
        rules.add(AssessmentRule.of("BABELFISH-NOCHECK", "disabled (NOCHECK) constraints", BabelfishRules::nocheck));
        rules.add(AssessmentRule.of("BABELFISH-SPATIAL", "geometry and geography columns", BabelfishRules::spatial));
        rules.add(AssessmentRule.of("BABELFISH-SYNONYM", "synonyms", BabelfishRules::synonyms));
        rules.add(AssessmentRule.of("BABELFISH-TIME-PRECISION", "seven fractional digits of datetime2, time and datetimeoffset",
                BabelfishRules::timePrecision));
        rules.add(AssessmentRule.of("BABELFISH-CLUSTERED-INDEX", "clustered indexes", BabelfishRules::clustered));
        return rules;
    }

    private static List<Finding> moduleWords(AssessmentContext c, String id, List<String> words, Severity severity,
            String message, String fix) {
        List<Finding> out = new ArrayList<>();
        if (!SqlServerDialect.ID.equals(c.source().dialect())) {
            return out;
        }
        for (SqlServerRules.Module m : SqlServerRules.modules(c.source())) {
            List<Token> tokens = m.text() == null ? List.of() : TSqlLexer.significant(m.text());
            if (tokens.stream().anyMatch(t -> words.stream().anyMatch(t::is))) {
                out.add(new Finding(id, severity, m.type(), m.name(), message, fix, null));
            }
        }
        return out;
    }

    private static List<Finding> nocheck(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            for (CheckConstraint k : t.checks()) {
                if (!k.enforced()) {
                    out.add(new Finding("BABELFISH-NOCHECK", Severity.WARNING, "check constraint", t.name() + " " + k.name(),
                            "is disabled (NOCHECK) on the source; Babelfish has no NOCHECK, so it is created checked and rows "
                                    + "that break it stop the load", "Clean the rows up, or leave the constraint out.", null));
                }
            }
        }
        for (var p : c.source().problems()) {
            if (p.message().contains("NOCHECK")) {
                out.add(new Finding("BABELFISH-NOCHECK", Severity.WARNING, p.objectType(), p.object(),
                        "is disabled (NOCHECK) on the source; Babelfish has no NOCHECK: it is created checked",
                        "Clean the rows up, or leave the constraint out.", null));
            }
        }
        return out;
    }

    private static List<Finding> spatial(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            for (Column col : t.columns()) {
                String type = col.type().name().toLowerCase(Locale.ROOT);
                if (type.equals("geometry") || type.equals("geography")) {
                    out.add(new Finding("BABELFISH-SPATIAL", Severity.BLOCKING, "column", t.name() + ".\"" + col.name() + "\"",
                            "is " + type + ": Babelfish has spatial types only with PostGIS installed (Babelfish 3.2+ on "
                                    + "Aurora; a build without PostGIS has none)", "Install PostGIS with Babelfish's spatial "
                                    + "support, or store the values as varbinary(max) (well-known binary).", null));
                }
            }
        }
        return out;
    }

    private static List<Finding> synonyms(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Schema s : c.source().schemas()) {
            s.synonyms().forEach(y -> out.add(new Finding("BABELFISH-SYNONYM", Severity.ERROR, "synonym", y.name().toString(),
                    "Babelfish does not support CREATE SYNONYM: it is not created", "Use a view over the object instead.", null)));
        }
        return out;
    }

    private static List<Finding> timePrecision(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            for (Column col : t.columns()) {
                String type = col.type().name().toLowerCase(Locale.ROOT);
                boolean temporal = type.equals("datetime2") || type.equals("time") || type.equals("datetimeoffset");
                if (temporal && (col.type().length() == null || col.type().length() == 7)) {
                    out.add(new Finding("BABELFISH-TIME-PRECISION", Severity.WARNING, "column", t.name() + ".\"" + col.name() + "\"",
                            "is " + type + "(7): Babelfish keeps six fractional digits (PostgreSQL's microseconds); a "
                                    + "seventh digit is lost and verification reports the row", "Declare it with (6), or "
                                    + "accept the rounding.", null));
                }
            }
        }
        return out;
    }

    private static List<Finding> clustered(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            boolean clustered = t.primaryKey() != null && t.primaryKey().clustered()
                    || t.indexes().stream().anyMatch(i -> i.kind() == dbshift.core.model.Index.Kind.CLUSTERED);
            if (clustered) {
                out.add(new Finding("BABELFISH-CLUSTERED-INDEX", Severity.INFO, "table", t.name().toString(),
                        "has a clustered index: Babelfish accepts CLUSTERED and creates a plain (PostgreSQL B-tree) index; "
                                + "rows are not kept in key order", "Nothing to do; check queries that rely on it.", null));
            }
        }
        return out;
    }
}
