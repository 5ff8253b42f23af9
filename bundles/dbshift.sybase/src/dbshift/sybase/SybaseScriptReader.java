package dbshift.sybase;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dbshift.core.engine.ScriptReader;
import dbshift.sqlserver.SqlServerScriptSyntax;
import dbshift.sqlserver.TSqlScriptReader;
import dbshift.core.model.Catalog;

/**
 * Reads an SAP ASE schema script (what {@code ddlgen} writes) offline. ASE's DDL is Transact-SQL's older sibling,
 * so the T-SQL script reader does the reading once the ASE-only storage clauses are removed: locking schemes
 * ({@code lock datarows}), space management ({@code with exp_row_size = …}) and segment placement
 * ({@code on 'default'}), none of which SQL Server has. {@code unsigned int} and friends become one word for the
 * reader. The catalog's dialect is {@code sybase}.
 */
public final class SybaseScriptReader implements ScriptReader {
    static final Set<String> ASE_TYPES = Set.of("unichar", "univarchar", "unitext", "bigdatetime", "bigtime", "unsigned_int",
            "unsigned_smallint", "unsigned_bigint", "unsigned_tinyint", "longsysname");

    /** A batch that is a module: its body is code, and the storage clauses below never appear in it. */
    private static final Pattern MODULE = Pattern.compile("(?is)^(\\s|--[^\\n]*\\n|/\\*.*?\\*/)*create\\s+(view|proc|procedure|function|trigger)\\b");

    private static final List<Pattern> STORAGE = List.of(Pattern.compile("(?i)\\block\\s+(allpages|datarows|datapages)\\b"),
            Pattern.compile("(?i)\\bwith\\s+(exp_row_size|max_rows_per_page|reservepagegap|identity_gap|dml_logging|fillfactor)"
                    + "\\s*=\\s*\\w+(\\s*,\\s*\\w+\\s*=\\s*\\w+)*"),
            Pattern.compile("(?i)\\bon\\s+'[^'\\n]*'"));

    private static final Pattern UNSIGNED = Pattern.compile("(?i)\\bunsigned\\s+(int|smallint|bigint|tinyint)\\b");

    @Override
    public Catalog read(String scriptText, String defaultSchema) {
        return new TSqlScriptReader(SybaseDialect.ID, ASE_TYPES).read(normalize(scriptText), defaultSchema);
    }

    /**
     * Removes the storage clauses from the batches that are not modules (a procedure's text such as
     * {@code print 'based on ' + @x} is left alone), keeping every batch on the lines it had, so that what the
     * reader reports names the script's own line numbers.
     */
    static String normalize(String text) {
        StringBuilder out = new StringBuilder();
        int line = 1;
        for (SqlServerScriptSyntax.Batch batch : SqlServerScriptSyntax.split(text)) {
            if (line < batch.line()) {
                out.append("\n".repeat(batch.line() - 1 - line)).append(line == 1 && out.isEmpty() ? "\n" : "go\n");
                line = batch.line();
            }
            String b = batch.text();
            if (!MODULE.matcher(b).find()) {
                for (Pattern p : STORAGE) {
                    b = replaceKeepingLines(p, b, null);
                }
            }
            b = replaceKeepingLines(UNSIGNED, b, "unsigned_");
            out.append(b);
            line += (int) b.chars().filter(c -> c == '\n').count();
        }
        return out.toString();
    }

    /** Replaces each match by the newlines it spanned (or by {@code prefix} + its first group), so no line moves. */
    private static String replaceKeepingLines(Pattern p, String text, String prefix) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String lines = "\n".repeat((int) m.group().chars().filter(c -> c == '\n').count());
            m.appendReplacement(b, Matcher.quoteReplacement((prefix == null ? "" : prefix + m.group(1)) + lines));
        }
        m.appendTail(b);
        return b.toString();
    }
}
