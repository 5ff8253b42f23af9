package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter;
import dbshift.core.engine.TargetKind;
import dbshift.sqlserver.TSqlLexer.Kind;
import dbshift.sqlserver.TSqlLexer.Token;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.DataType;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.model.Trigger;
import dbshift.core.model.UserDefinedType;
import dbshift.core.model.View;
import dbshift.core.run.MigrationOptions;

/**
 * SAP ASE (Sybase) into SQL Server, Azure SQL Database or Managed Instance, the way SSMA for SAP ASE goes: owners
 * become schemas, ASE's own types map to their T-SQL equivalents (unichar/univarchar/unitext to the n-types,
 * bigdatetime/bigtime to datetime2(6)/time(6), unsigned integers widen, text/image to the max types, timestamp to
 * rowversion), storage clauses (locking scheme, segments) are dropped. Views, procedures and triggers are
 * Transact-SQL already and are carried over, each reported for review; constructs SQL Server removed or never had
 * ({@code *=} outer joins, COMPUTE BY, the old RAISERROR and PRINT forms, chained transactions) are findings with
 * ids {@code SYBASE-…}. Modules whose text uses double-quoted strings are created with QUOTED_IDENTIFIER OFF, as ASE
 * ran them.
 */
public final class SybaseToSqlServerConverter implements Converter {

    @Override
    public List<String> sourceDialects() {
        return List.of("sybase");
    }

    @Override
    public Conversion convert(Catalog source, TargetKind target, MigrationOptions options) {
        List<Finding> findings = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        for (Schema s : source.schemas()) {
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                List<Column> columns = new ArrayList<>();
                for (Column c : t.columns()) {
                    columns.add(c.toBuilder().type(type(c.type(), t.name() + ".\"" + c.name() + "\"", findings)).build());
                }
                Map<String, String> extra = new TreeMap<>();
                t.options().extra().forEach((k, v) -> {
                    if (k.startsWith(SqlServerDdlWriter.DEFAULT_NAME) || k.startsWith(SqlServerDdlWriter.COLUMN_ATTRIBUTES)) {
                        extra.put(k, v);
                    }
                });
                tables.add(t.withColumns(columns).withOptions(new TableOptions(null, null, null, null, null, null, extra)));
            }
            List<UserDefinedType> types = new ArrayList<>();
            for (UserDefinedType u : s.types()) {
                types.add(new UserDefinedType(u.name(), type(u.baseType(), "type " + u.name(), findings), u.nullable()));
            }
            List<View> views = new ArrayList<>();
            for (View v : s.views()) {
                Review rv = review("view", v.name().toString(), v.definition(), findings);
                if (!rv.refused()) {
                    views.add(v);
                }
            }
            List<Routine> routines = new ArrayList<>();
            for (Routine r : s.routines()) {
                Review rv = review(r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.definition(), findings);
                if (rv.refused()) {
                    continue;
                }
                boolean quoted = rv.doubleQuoted();
                routines.add(quoted ? new Routine(r.name(), r.kind(), r.parameters(), r.returns(), r.body(), r.definition(), null,
                        null, r.deterministic(), r.dataAccess(), r.comment(), "QUOTED_IDENTIFIER OFF") : r);
            }
            List<Trigger> triggers = new ArrayList<>();
            for (Trigger t : s.triggers()) {
                Review rv = review("trigger", t.name().toString(), t.definition(), findings);
                if (rv.refused()) {
                    continue;
                }
                boolean quoted = rv.doubleQuoted();
                triggers.add(quoted ? new Trigger(t.name(), t.table(), t.timing(), t.events(), t.body(), t.definition(), null,
                        "QUOTED_IDENTIFIER OFF", t.actionOrder()) : t);
            }
            schemas.add(s.withTables(tables).withTypes(types).withViews(views).withRoutines(routines).withTriggers(triggers));
        }
        Catalog converted = new Catalog(SqlServerDialect.ID, source.serverVersion(), source.settings(), schemas, List.of(),
                source.problems());
        // what Azure cannot hold, as for a SQL Server source
        Conversion azure = new SqlServerConverter().convert(converted, target, options);
        findings.addAll(azure.findings());
        return new Conversion(azure.catalog(), findings);
    }

    static DataType type(DataType t, String object, List<Finding> findings) {
        Integer len = t.length();
        return switch (t.name()) {
            case "unichar" -> DataType.withLength("nchar", len == null ? 1 : Math.min(len, 4000));
            case "univarchar" -> DataType.withLength("nvarchar", len == null ? 1 : len > 4000 ? SqlServerTypes.MAX : len);
            case "unitext" -> DataType.withLength("nvarchar", SqlServerTypes.MAX);
            case "text" -> DataType.withLength("varchar", SqlServerTypes.MAX);
            case "image" -> DataType.withLength("varbinary", SqlServerTypes.MAX);
            case "char", "varchar" -> len != null && len > 8000 ? DataType.withLength("varchar", SqlServerTypes.MAX) : t;
            case "binary", "varbinary" -> len != null && len > 8000 ? DataType.withLength("varbinary", SqlServerTypes.MAX) : t;
            case "bigdatetime" -> DataType.withLength("datetime2", 6);
            case "bigtime" -> DataType.withLength("time", 6);
            case "time" -> DataType.withLength("time", 3);
            case "unsigned_tinyint" -> DataType.of("tinyint");
            case "unsigned_smallint" -> DataType.of("int");
            case "unsigned_int" -> DataType.of("bigint");
            case "unsigned_bigint" -> {
                findings.add(new Finding("SYBASE-UNSIGNED", Severity.INFO, "column", object,
                        "unsigned bigint becomes decimal(20,0): SQL Server has no unsigned 64-bit integer", "Nothing to do.", null));
                yield DataType.decimal("decimal", 20, 0);
            }
            case "longsysname" -> DataType.withLength("nvarchar", 255);
            case "timestamp" -> DataType.of("rowversion");
            default -> t;
        };
    }

    /** Whether a module uses double-quoted strings, and whether SQL Server would refuse to create it. */
    record Review(boolean doubleQuoted, boolean refused) {
    }

    /**
     * Reports the module for review and the ASE-only constructs in it. A module with a construct SQL Server refuses
     * to compile is left out of the script (reported as an error); one with double-quoted strings (ASE's default,
     * quoted_identifier off) is created with QUOTED_IDENTIFIER OFF.
     */
    static Review review(String type, String name, String text, List<Finding> findings) {
        if (text == null) {
            return new Review(false, false);
        }
        int before = findings.size();
        List<Token> tokens = TSqlLexer.significant(text);
        boolean doubleQuoted = false;
        for (int i = 0; i < tokens.size(); i++) {
            Token k = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : "";
            // "a *= b" lexes as one symbol *=, "a =* b" as = then *
            if (k.is("*=") || k.is("=") && next.equals("*") && i + 2 < tokens.size() && tokens.get(i + 2).isName()) {
                findings.add(new Finding("SYBASE-OUTER-JOIN", Severity.ERROR, type, name,
                        "uses the old outer join operators *= / =*, which SQL Server has not accepted since 2012",
                        "Rewrite the join as LEFT/RIGHT OUTER JOIN … ON.", null));
                break;
            }
        }
        if (SqlServerRules.hasWord(text, "COMPUTE", "BY") || SqlServerRules.hasWord(text, "COMPUTE", "SUM")
                || SqlServerRules.hasWord(text, "COMPUTE", "COUNT")) {
            findings.add(new Finding("SYBASE-COMPUTE-BY", Severity.ERROR, type, name,
                    "uses COMPUTE / COMPUTE BY, which SQL Server removed", "Use GROUP BY … WITH ROLLUP or window functions.", null));
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is("RAISERROR") && tokens.get(i + 1).kind() == Kind.NUMBER) {
                findings.add(new Finding("SYBASE-RAISERROR", Severity.ERROR, type, name,
                        "uses RAISERROR number 'text', a form SQL Server no longer accepts",
                        "Write RAISERROR('text', 16, 1) or THROW number, 'text', 1.", null));
                break;
            }
        }
        if (SqlServerRules.hasWord(text, "SET", "CHAINED") || SqlServerRules.hasWord(text, "@@transtate")
                || SqlServerRules.hasWord(text, "@@sqlstatus")) {
            findings.add(new Finding("SYBASE-TRANSACTION", Severity.WARNING, type, name,
                    "depends on ASE transaction modes or status variables (set chained, @@transtate, @@sqlstatus)",
                    "Use SET IMPLICIT_TRANSACTIONS, XACT_STATE() and @@FETCH_STATUS.", null));
        }
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).is("PRINT") && (tokens.get(i + 1).kind() == Kind.STRING || tokens.get(i + 1).kind() == Kind.QUOTED)
                    && tokens.get(i + 2).is(",")) {
                findings.add(new Finding("SYBASE-PRINT-FORMAT", Severity.ERROR, type, name,
                        "uses PRINT with arguments (ASE's format form), which SQL Server's PRINT does not take",
                        "PRINT CONCAT('text ', @value) or RAISERROR('text %d', 0, 1, @value) WITH NOWAIT.", null));
                break;
            }
        }
        for (Token k : tokens) {
            if (k.kind() == Kind.QUOTED && k.text().startsWith("\"")) {
                doubleQuoted = true;
            }
        }
        boolean refused = findings.subList(before, findings.size()).stream().anyMatch(f -> f.severity() == Severity.ERROR);
        findings.add(new Finding("SYBASE-MODULE", refused ? Severity.ERROR : Severity.INFO, type, name, refused
                ? "is not created: it uses ASE Transact-SQL that SQL Server refuses (see the findings above)"
                : "is ASE Transact-SQL carried over as it is" + (doubleQuoted ? " (created with QUOTED_IDENTIFIER OFF, as it "
                        + "uses double-quoted strings)" : ""), refused ? "Rewrite it and add it to the reviewed script."
                                : "Review it and run its tests on the target.", null));
        return new Review(doubleQuoted, refused);
    }
}
