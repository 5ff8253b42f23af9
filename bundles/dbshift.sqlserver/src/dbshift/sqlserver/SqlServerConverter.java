package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.core.convert.Converter;
import dbshift.core.engine.TargetKind;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.Grant;
import dbshift.core.model.Principal;
import dbshift.core.model.Schema;
import dbshift.core.model.Table;
import dbshift.core.model.TableOptions;
import dbshift.core.run.MigrationOptions;

/**
 * SQL Server into SQL Server, Azure SQL Database or Azure SQL Managed Instance: the schema stays as it is, except
 * what the target cannot hold. Azure SQL loses FILESTREAM (the column stays varbinary(max)) and filegroups;
 * Azure SQL Database gets contained database users instead of server logins, without server roles and
 * server-level grants; Windows principals are left out on Azure. Each change is a finding.
 */
public final class SqlServerConverter implements Converter {

    @Override
    public List<String> sourceDialects() {
        return List.of(SqlServerDialect.ID);
    }

    @Override
    public Conversion convert(Catalog source, TargetKind target, MigrationOptions options) {
        boolean db = target.id().equals(SqlServerDialect.TARGET_AZURE_SQL_DB);
        boolean azure = db || target.id().equals(SqlServerDialect.TARGET_AZURE_SQL_MI);
        List<Finding> findings = new ArrayList<>();
        List<Schema> schemas = new ArrayList<>();
        for (Table t : source.tables()) {
            for (Column c : t.columns()) {
                if (SqlServerTypes.storedType(t, c).name().equals("sql_variant")) {
                    findings.add(new Finding("CONVERT-SQL-VARIANT", Severity.WARNING, "column", t.name() + ".\"" + c.name() + "\"",
                            "sql_variant values are copied as their nvarchar text: each value's base type (int, datetime, …) "
                                    + "becomes nvarchar on the target",
                            "Copy this column with INSERT … SELECT between the servers if the base types matter.", null));
                }
            }
        }
        boolean babelfish = target.id().equals(SqlServerDialect.TARGET_BABELFISH);
        for (Schema s : source.schemas()) {
            if (babelfish) {
                // Babelfish has no CREATE SYNONYM (reported by BABELFISH-SYNONYM)
                schemas.add(s.withSynonyms(List.of()));
                continue;
            }
            if (!azure) {
                schemas.add(s);
                continue;
            }
            List<Table> tables = new ArrayList<>();
            for (Table t : s.tables()) {
                tables.add(forAzure(t, db, findings));
            }
            schemas.add(s.withTables(tables));
        }
        List<Principal> principals = azure ? principals(source.principals(), target, db, findings) : source.principals();
        return new Conversion(source.withSchemas(schemas).withPrincipals(principals).withDialect(SqlServerDialect.ID), findings);
    }

    private static Table forAzure(Table t, boolean db, List<Finding> findings) {
        Map<String, String> extra = new TreeMap<>(t.options().extra());
        boolean changed = false;
        for (Column c : t.columns()) {
            String key = SqlServerDdlWriter.COLUMN_ATTRIBUTES + c.name();
            String attributes = extra.get(key);
            if (attributes != null && attributes.contains("FILESTREAM")) {
                String rest = attributes.replace("FILESTREAM", "").trim().replaceAll("\\s+", " ");
                if (rest.isEmpty()) {
                    extra.remove(key);
                } else {
                    extra.put(key, rest);
                }
                changed = true;
                // reported by SQLSERVER-FILESTREAM
            }
        }
        if (extra.remove(SqlServerDdlWriter.FILEGROUP) != null) {
            changed = true;
            // reported by SQLSERVER-FILEGROUP
        }
        if (!changed) {
            return t;
        }
        TableOptions o = t.options();
        return t.withOptions(new TableOptions(o.engine(), o.charset(), o.collation(), o.rowFormat(), o.comment(), o.partitioning(),
                extra));
    }

    /**
     * Azure SQL Database: a SQL login and the database user mapped to it become one contained user (the login's
     * password hash cannot be used, so the writer gives it a random password, reported by
     * SQLSERVER-LOGIN-TO-USER); logins without a user in this database become users of the same name. Windows
     * principals are dropped on both Azure targets (reported by SQLSERVER-WINDOWS-LOGIN).
     */
    static List<Principal> principals(List<Principal> source, TargetKind target, boolean db, List<Finding> findings) {
        Map<String, Principal> out = new LinkedHashMap<>();
        Map<String, Principal> logins = new LinkedHashMap<>();
        for (Principal p : source) {
            boolean windows = p.kind() == Principal.Kind.WINDOWS_LOGIN
                    || p.kind() == Principal.Kind.DATABASE_USER && "WINDOWS".equalsIgnoreCase(p.authPlugin());
            if (windows) {
                continue;
            }
            if (p.kind() == Principal.Kind.LOGIN) {
                logins.put(p.name(), p);
                if (!db) {
                    out.put("login:" + p.name(), p);
                }
                continue;
            }
            if (db && p.kind() == Principal.Kind.DATABASE_USER && "INSTANCE".equalsIgnoreCase(p.authPlugin())) {
                // the user keeps its name, roles and grants; it no longer needs a login
                out.put("user:" + p.name(), new Principal(Principal.Kind.DATABASE_USER, p.name(), null, "DATABASE", null,
                        p.locked(), p.roles(), databaseGrants(p, target), p.defaultSchema()));
                continue;
            }
            out.put(p.kind().name() + ":" + p.name(), p.kind() == Principal.Kind.ROLE || p.kind() == Principal.Kind.DATABASE_USER
                    ? new Principal(p.kind(), p.name(), p.host(), p.authPlugin(), p.authString(), p.locked(), p.roles(),
                            databaseGrants(p, target), p.defaultSchema())
                    : p);
        }
        if (db) {
            for (Principal login : logins.values()) {
                boolean mapped = source.stream().anyMatch(u -> u.kind() == Principal.Kind.DATABASE_USER
                        && login.name().equals(u.authString()));
                if (!mapped && !"EXTERNAL".equals(login.authPlugin())) {
                    // a login chosen for migration that has no user here: the user it needs on Azure SQL Database
                    out.put("user:" + login.name(), new Principal(Principal.Kind.DATABASE_USER, login.name(), null, "DATABASE",
                            null, login.locked(), List.of(), databaseGrants(login, target), null));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Grants on server-level securables cannot be given in a user database of Azure SQL Database. */
    private static List<Grant> databaseGrants(Principal p, TargetKind target) {
        return p.grants().stream().filter(g -> g.level() == null || !g.level().equals("SERVER")).toList();
    }
}
