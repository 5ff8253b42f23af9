package dbshift.sybase;

import java.util.Set;

import dbshift.core.engine.ScriptReader;
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

    @Override
    public Catalog read(String scriptText, String defaultSchema) {
        return new TSqlScriptReader(SybaseDialect.ID, ASE_TYPES).read(normalize(scriptText), defaultSchema);
    }

    static String normalize(String text) {
        return text.replaceAll("(?i)\\block\\s+(allpages|datarows|datapages)\\b", "")
                .replaceAll("(?i)\\bwith\\s+(exp_row_size|max_rows_per_page|reservepagegap|identity_gap|dml_logging|fillfactor)"
                        + "\\s*=\\s*\\w+(\\s*,\\s*\\w+\\s*=\\s*\\w+)*", "")
                .replaceAll("(?i)\\bon\\s+'[^']*'", "")
                .replaceAll("(?i)\\bunsigned\\s+(int|smallint|bigint|tinyint)\\b", "unsigned_$1");
    }
}
