package dbshift.sqlserver;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import dbshift.core.assess.AssessmentContext;
import dbshift.core.assess.AssessmentRule;
import dbshift.core.assess.Finding;
import dbshift.core.assess.Severity;
import dbshift.sqlserver.TSqlLexer.Kind;
import dbshift.sqlserver.TSqlLexer.Token;
import dbshift.core.model.Catalog;
import dbshift.core.model.Column;
import dbshift.core.model.Principal;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Synonym;
import dbshift.core.model.Table;
import dbshift.core.model.Trigger;
import dbshift.core.model.View;

/**
 * Assessment rules for SQL Server, Azure SQL Database and Azure SQL Managed Instance targets, in the spirit of
 * the Data Migration Assistant's: one stable id per feature, the severity depending on what the target does with
 * it. Server-level features come from the catalog's settings (filled by the live reader from sys.* and msdb, or by
 * the script reader from the statements it saw); module-level ones from the module texts, tokenized so that
 * comments and strings do not count.
 */
public final class SqlServerRules {
    private static final String SQLDB = SqlServerDialect.TARGET_AZURE_SQL_DB;
    private static final String SQLMI = SqlServerDialect.TARGET_AZURE_SQL_MI;

    private SqlServerRules() {
    }

    /** A module (view, procedure, function, trigger) with its text, for the text rules. */
    record Module(String type, String name, String text) {
    }

    public static List<AssessmentRule> forTarget(String target) {
        List<AssessmentRule> rules = new ArrayList<>();
        boolean db = target.equals(SQLDB);
        boolean mi = target.equals(SQLMI);
        boolean azure = db || mi;
        rules.add(rule("SQLSERVER-CROSS-DATABASE", "three-part names naming another database", c -> crossDatabase(c, db)));
        rules.add(rule("SQLSERVER-LINKED-SERVER", "linked servers and four-part names, OPENQUERY, OPENROWSET",
                c -> linkedServers(c, db, mi)));
        if (azure) {
            rules.add(rule("SQLSERVER-AGENT-JOB", "SQL Server Agent jobs", c -> agentJobs(c, db)));
        }
        rules.add(rule("SQLSERVER-CLR", "CLR assemblies and CLR modules", c -> clr(c, db, mi)));
        rules.add(rule("SQLSERVER-FILESTREAM", "FILESTREAM columns and FileTables", c -> filestream(c, azure)));
        rules.add(rule("SQLSERVER-WINDOWS-LOGIN", "Windows logins and users", c -> windowsLogins(c, db, mi)));
        rules.add(rule("SQLSERVER-SERVER-TRIGGER", "server-scoped (ALL SERVER) triggers", c -> serverTriggers(c, db)));
        rules.add(rule("SQLSERVER-SERVICE-BROKER", "Service Broker queues, services and conversations",
                c -> serviceBroker(c, db, mi)));
        rules.add(rule("SQLSERVER-XP-CMDSHELL", "xp_cmdshell and other extended stored procedures", c -> xpCmdshell(c, azure)));
        rules.add(rule("SQLSERVER-TRACE-FLAG", "trace flags", c -> traceFlags(c, db, mi)));
        rules.add(rule("SQLSERVER-USE-IN-MODULE", "USE statements in modules", c -> useInModules(c, db)));
        rules.add(rule("SQLSERVER-DATABASE-MAIL", "Database Mail", c -> databaseMail(c, db, mi)));
        rules.add(rule("SQLSERVER-BULK-FROM-FILE", "BULK INSERT and OPENROWSET(BULK) from files", c -> bulkFromFile(c, azure)));
        rules.add(rule("SQLSERVER-SSIS", "SSIS catalog (SSISDB)", c -> ssis(c, target)));
        rules.add(rule("SQLSERVER-LOGIN-TO-USER", "logins that become contained database users", c -> loginsToUsers(c, db)));
        rules.add(rule("SQLSERVER-SERVER-ROLE", "server role memberships", c -> serverRoles(c, db)));
        rules.add(rule("SQLSERVER-DEPRECATED-TYPE", "text, ntext and image columns", SqlServerRules::deprecatedTypes));
        rules.add(rule("SQLSERVER-NO-PRIMARY-KEY", "tables without a primary key", SqlServerRules::noPrimaryKey));
        rules.add(rule("SQLSERVER-FILEGROUP", "tables on filegroups and partition schemes", c -> filegroups(c, db)));
        rules.add(rule("SQLSERVER-TEMPORAL-TABLE", "system-versioned temporal tables", SqlServerRules::temporalTables));
        rules.add(rule("SQLSERVER-IN-MEMORY", "memory-optimized tables", c -> inMemory(c, azure)));
        return rules;
    }

    private static AssessmentRule rule(String id, String title, Function<AssessmentContext, List<Finding>> check) {
        return AssessmentRule.of(id, title, check);
    }

    /** Only SQL Server sources have these features; a MySQL source is assessed by the converter's findings. */
    private static boolean fromSqlServer(AssessmentContext c) {
        return SqlServerDialect.ID.equals(c.source().dialect());
    }

    static List<Module> modules(Catalog catalog) {
        List<Module> out = new ArrayList<>();
        for (Schema s : catalog.schemas()) {
            for (View v : s.views()) {
                out.add(new Module("view", v.name().toString(), v.definition() != null ? v.definition() : v.query()));
            }
            for (Routine r : s.routines()) {
                out.add(new Module(r.kind().name().toLowerCase(Locale.ROOT), r.name().toString(), r.definition()));
            }
            for (Trigger t : s.triggers()) {
                out.add(new Module("trigger", t.name().toString(), t.definition()));
            }
        }
        return out;
    }

    private static Set<String> setting(Catalog c, String key) {
        String v = c.setting(key);
        Set<String> out = new LinkedHashSet<>();
        if (v != null) {
            for (String s : v.split(",")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private static Finding finding(String id, Severity s, String type, String object, String message, String fix) {
        return new Finding(id, s, type, object, message, fix, null);
    }

    private static List<Token> tokens(String text) {
        return text == null ? List.of() : TSqlLexer.significant(text);
    }

    /** Dotted names of three or more parts in a module's text (the first part being a database or server). */
    static List<List<String>> multipartNames(String text) {
        List<Token> t = tokens(text);
        List<List<String>> out = new ArrayList<>();
        int i = 0;
        int[] span = new int[2];
        while (i < t.size()) {
            if (t.get(i).isName() && (i == 0 || !t.get(i - 1).is("."))) {
                List<String> parts = SqlServerModules.multipart(t, i, span);
                if (parts.size() >= 3) {
                    out.add(parts);
                }
                i = Math.max(i + 1, span[1]);
            } else {
                i++;
            }
        }
        return out;
    }

    static boolean hasWord(String text, String... words) {
        List<Token> t = tokens(text);
        outer:
        for (int i = 0; i + words.length <= t.size(); i++) {
            for (int j = 0; j < words.length; j++) {
                Token k = t.get(i + j);
                if (!(k.kind() == Kind.WORD || k.kind() == Kind.QUOTED) || !k.name().equalsIgnoreCase(words[j])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static List<Finding> crossDatabase(AssessmentContext c, boolean db) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        String database = c.source().setting("database");
        Set<String> schemas = new java.util.HashSet<>();
        c.source().schemas().forEach(s -> schemas.add(s.name().toLowerCase(Locale.ROOT)));
        for (Module m : modules(c.source())) {
            Set<String> others = new LinkedHashSet<>();
            for (List<String> parts : multipartNames(m.text())) {
                if (parts.size() != 3) {
                    continue;
                }
                String first = parts.get(0);
                if (database != null && first.equalsIgnoreCase(database) || schemas.contains(first.toLowerCase(Locale.ROOT))
                        || first.equalsIgnoreCase("sys") || first.equalsIgnoreCase("INFORMATION_SCHEMA")) {
                    continue; // this database, or schema.table.column
                }
                others.add(first);
            }
            if (!others.isEmpty()) {
                out.add(finding("SQLSERVER-CROSS-DATABASE", db ? Severity.BLOCKING : Severity.WARNING, m.type(), m.name(),
                        "refers to other database(s) " + String.join(", ", others) + (db
                                ? ": Azure SQL Database cannot query another database by a three-part name"
                                : ": those databases must be migrated to the same instance"),
                        db ? "Move the objects into this database, or use elastic query (external tables) or an application-side join."
                                : "Migrate the referenced databases to the same target instance."));
            }
        }
        for (Schema s : c.source().schemas()) {
            for (Synonym y : s.synonyms()) {
                List<List<String>> parts = multipartNames(y.baseObject());
                if (!parts.isEmpty() && (database == null || !parts.get(0).get(0).equalsIgnoreCase(database))) {
                    out.add(finding("SQLSERVER-CROSS-DATABASE", db ? Severity.BLOCKING : Severity.WARNING, "synonym",
                            y.name().toString(), "points to " + y.baseObject() + " in another database or server",
                            db ? "Azure SQL Database synonyms cannot point outside the database; replace the synonym."
                                    : "Migrate the referenced database to the same instance."));
                }
            }
        }
        return out;
    }

    static List<Finding> linkedServers(AssessmentContext c, boolean db, boolean mi) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String server : setting(c.source(), "linked_servers")) {
            out.add(finding("SQLSERVER-LINKED-SERVER", db ? Severity.BLOCKING : Severity.WARNING, "linked server", server,
                    db ? "Azure SQL Database has no linked servers" : mi
                            ? "Managed Instance supports linked servers to SQL Server and Azure SQL only; recreate it there"
                            : "linked servers are server objects and are not migrated with the database",
                    db ? "Use elastic query, Azure Data Factory or the application to reach the other server."
                            : "Recreate the linked server on the target (sp_addlinkedserver) with its logins."));
        }
        for (Module m : modules(c.source())) {
            boolean fourPart = multipartNames(m.text()).stream().anyMatch(p -> p.size() >= 4);
            boolean open = hasWord(m.text(), "OPENQUERY") || hasWord(m.text(), "OPENDATASOURCE")
                    || hasWord(m.text(), "OPENROWSET") && !hasWord(m.text(), "BULK");
            if (fourPart || open) {
                out.add(finding("SQLSERVER-LINKED-SERVER", db ? Severity.BLOCKING : Severity.WARNING, m.type(), m.name(),
                        (fourPart ? "uses four-part names" : "uses OPENQUERY/OPENROWSET/OPENDATASOURCE")
                                + (db ? ", which Azure SQL Database does not support" : "; the linked server must exist on the target"),
                        db ? "Replace the remote query with elastic query or move the data into this database."
                                : "Create the linked server on the target before running this module."));
            }
        }
        return out;
    }

    static List<Finding> agentJobs(AssessmentContext c, boolean db) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String job : setting(c.source(), "agent_jobs")) {
            out.add(finding("SQLSERVER-AGENT-JOB", db ? Severity.WARNING : Severity.INFO, "agent job", job,
                    db ? "Azure SQL Database has no SQL Server Agent; the job is not migrated"
                            : "Agent jobs live in msdb and are not part of a database migration",
                    db ? "Recreate it as an Elastic Job, an Azure Automation runbook or a Logic App."
                            : "Script the job from msdb and create it on the Managed Instance (check its step types)."));
        }
        return out;
    }

    static List<Finding> clr(AssessmentContext c, boolean db, boolean mi) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (String a : setting(c.source(), "clr_assemblies")) {
            out.add(finding("SQLSERVER-CLR", db ? Severity.BLOCKING : Severity.WARNING, "assembly", a,
                    db ? "Azure SQL Database does not run CLR assemblies"
                            : (mi ? "Managed Instance loads assemblies only from binary (not from a file path)"
                                    : "CLR assemblies are not migrated by DBShift") + "; its modules need it",
                    db ? "Rewrite the CLR code in T-SQL or move it to the application or an Azure Function."
                            : "CREATE ASSEMBLY … FROM 0x… on the target (signed, or with clr strict security configured) before the modules."));
        }
        for (String m : setting(c.source(), "clr_modules")) {
            out.add(finding("SQLSERVER-CLR", db ? Severity.BLOCKING : Severity.WARNING, "clr module", m,
                    "is implemented in a CLR assembly and has no T-SQL definition to migrate",
                    "Recreate it after the assembly (CREATE … EXTERNAL NAME) or rewrite it in T-SQL."));
        }
        for (String m : setting(c.source(), "clr_types")) {
            out.add(finding("SQLSERVER-CLR", db ? Severity.BLOCKING : Severity.WARNING, "clr type", m,
                    "is a CLR user-defined type", "Replace it with a T-SQL type or recreate the assembly first."));
        }
        return out;
    }

    static List<Finding> filestream(AssessmentContext c, boolean azure) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            for (Column col : t.columns()) {
                String attributes = t.options().extra().getOrDefault(SqlServerDdlWriter.COLUMN_ATTRIBUTES + col.name(), "");
                if (attributes.contains("FILESTREAM")) {
                    out.add(finding("SQLSERVER-FILESTREAM", azure ? Severity.WARNING : Severity.INFO, "column",
                            t.name() + ".\"" + col.name() + "\"",
                            azure ? "FILESTREAM is not supported on Azure SQL; the column becomes a plain varbinary(max) and its files move into the database"
                                    : "FILESTREAM needs a FILESTREAM filegroup on the target database",
                            azure ? "Check the database size limit, or keep the files in Azure Blob Storage and store their URLs."
                                    : "Add a FILESTREAM filegroup to the target database before deploying."));
                }
            }
        }
        for (String f : setting(c.source(), "filetables")) {
            out.add(finding("SQLSERVER-FILESTREAM", azure ? Severity.BLOCKING : Severity.WARNING, "filetable", f,
                    "FileTables are not migrated" + (azure ? " and Azure SQL does not support them" : ""),
                    "Move the files to Azure Files or Blob Storage."));
        }
        return out;
    }

    static List<Finding> windowsLogins(AssessmentContext c, boolean db, boolean mi) {
        List<Finding> out = new ArrayList<>();
        for (Principal p : c.source().principals()) {
            boolean windows = p.kind() == Principal.Kind.WINDOWS_LOGIN
                    || p.kind() == Principal.Kind.DATABASE_USER && "WINDOWS".equalsIgnoreCase(p.authPlugin());
            if (!windows || !c.options().users().isEmpty() && c.options().users().stream().noneMatch(p::matches)) {
                continue;
            }
            Severity s = db || mi ? Severity.WARNING : Severity.INFO;
            out.add(finding("SQLSERVER-WINDOWS-LOGIN", s, p.kind() == Principal.Kind.WINDOWS_LOGIN ? "login" : "user", p.name(),
                    db ? "Windows authentication does not exist in Azure SQL Database; the principal is not created"
                            : mi ? "Managed Instance authenticates Microsoft Entra principals, not Windows domain accounts; the principal is not created"
                                    : "the Windows account must exist in the target server's domain",
                    db || mi ? "Create a Microsoft Entra user (CREATE USER … FROM EXTERNAL PROVIDER) for the person or group, "
                            + "or a SQL-authenticated user." : "Check the domain trust of the target server."));
        }
        return out;
    }

    static List<Finding> serverTriggers(AssessmentContext c, boolean db) {
        List<Finding> out = new ArrayList<>();
        for (String t : setting(c.source(), "server_triggers")) {
            out.add(finding("SQLSERVER-SERVER-TRIGGER", db ? Severity.BLOCKING : Severity.WARNING, "server trigger", t,
                    db ? "Azure SQL Database has no server-scoped (ALL SERVER) triggers"
                            : "server-scoped triggers are server objects and are not migrated with the database",
                    db ? "Use a database-scoped DDL trigger (ON DATABASE) or auditing instead."
                            : "Script the trigger from the source instance and create it on the target."));
        }
        return out;
    }

    static List<Finding> serviceBroker(AssessmentContext c, boolean db, boolean mi) {
        List<Finding> out = new ArrayList<>();
        Set<String> objects = setting(c.source(), "service_broker");
        if (!objects.isEmpty()) {
            out.add(finding("SQLSERVER-SERVICE-BROKER", db ? Severity.BLOCKING : mi ? Severity.WARNING : Severity.INFO,
                    "database", c.source().setting("database") == null ? "(source)" : c.source().setting("database"),
                    "uses Service Broker (" + String.join(", ", objects) + ")" + (db ? ", which Azure SQL Database does not support"
                            : mi ? "; Managed Instance supports it within the instance only" : ""),
                    db ? "Replace the queues with Azure Service Bus or a queue table." : "Recreate queues, services and routes on the target."));
        }
        for (Module m : modules(c.source())) {
            if (hasWord(m.text(), "BEGIN", "DIALOG") || hasWord(m.text(), "SEND", "ON", "CONVERSATION")
                    || hasWord(m.text(), "RECEIVE") && hasWord(m.text(), "FROM")) {
                out.add(finding("SQLSERVER-SERVICE-BROKER", db ? Severity.BLOCKING : Severity.WARNING, m.type(), m.name(),
                        "sends or receives Service Broker messages" + (db ? "; Azure SQL Database cannot" : ""),
                        db ? "Replace Service Broker with Azure Service Bus or a queue table." : "Make sure the broker objects exist on the target."));
            }
        }
        return out;
    }

    static List<Finding> xpCmdshell(AssessmentContext c, boolean azure) {
        List<Finding> out = new ArrayList<>();
        if (!setting(c.source(), "xp_cmdshell").isEmpty()) {
            out.add(finding("SQLSERVER-XP-CMDSHELL", azure ? Severity.WARNING : Severity.INFO, "server option", "xp_cmdshell",
                    "xp_cmdshell is enabled on the source" + (azure ? "; Azure SQL does not offer it" : ""),
                    "Move operating-system work out of the database."));
        }
        for (Module m : modules(c.source())) {
            Set<String> xps = new LinkedHashSet<>();
            for (Token k : tokens(m.text())) {
                if ((k.kind() == Kind.WORD || k.kind() == Kind.QUOTED) && k.name().toLowerCase(Locale.ROOT).startsWith("xp_")) {
                    xps.add(k.name().toLowerCase(Locale.ROOT));
                }
            }
            if (!xps.isEmpty()) {
                boolean shell = xps.contains("xp_cmdshell");
                out.add(finding("SQLSERVER-XP-CMDSHELL", azure ? (shell ? Severity.BLOCKING : Severity.ERROR) : Severity.WARNING,
                        m.type(), m.name(), "calls extended stored procedure(s) " + String.join(", ", xps)
                                + (azure ? ", which Azure SQL does not have" : "; they must be enabled on the target"),
                        azure ? "Move the operating-system or file work to Azure Functions, Automation or the application."
                                : "Enable them on the target (sp_configure) only if the security review allows."));
            }
        }
        return out;
    }

    static List<Finding> traceFlags(AssessmentContext c, boolean db, boolean mi) {
        List<Finding> out = new ArrayList<>();
        Set<String> flags = setting(c.source(), "trace_flags");
        if (!flags.isEmpty()) {
            out.add(finding("SQLSERVER-TRACE-FLAG", db ? Severity.WARNING : mi ? Severity.WARNING : Severity.INFO, "server",
                    "trace flags", "the source runs with trace flag(s) " + String.join(", ", flags)
                            + (db ? "; Azure SQL Database does not let you set trace flags"
                                    : mi ? "; Managed Instance supports only a few global trace flags" : ""),
                    db ? "Use database-scoped configurations or query hints for the behaviour the flags gave."
                            : "Set the flags on the target (startup or DBCC TRACEON) where supported, or use database-scoped configurations."));
        }
        for (Module m : modules(c.source())) {
            if (hasWord(m.text(), "DBCC", "TRACEON")) {
                out.add(finding("SQLSERVER-TRACE-FLAG", db ? Severity.ERROR : Severity.WARNING, m.type(), m.name(),
                        "turns trace flags on at run time" + (db ? ", which fails on Azure SQL Database" : ""),
                        "Use a query hint (OPTION (USE HINT …)) or a database-scoped configuration instead."));
            }
        }
        return out;
    }

    static List<Finding> useInModules(AssessmentContext c, boolean db) {
        List<Finding> out = new ArrayList<>();
        for (Module m : modules(c.source())) {
            List<Token> t = tokens(m.text());
            for (int i = 0; i + 1 < t.size(); i++) {
                if (t.get(i).is("USE") && t.get(i + 1).isName() && (i == 0 || !t.get(i - 1).is("."))) {
                    out.add(finding("SQLSERVER-USE-IN-MODULE", db ? Severity.ERROR : Severity.WARNING, m.type(), m.name(),
                            "switches database with USE " + t.get(i + 1).name()
                                    + (db ? "; Azure SQL Database does not support USE to change databases" : ""),
                            "Remove the USE statement and qualify names, or move the code into the application."));
                    break;
                }
            }
        }
        return out;
    }

    static List<Finding> databaseMail(AssessmentContext c, boolean db, boolean mi) {
        List<Finding> out = new ArrayList<>();
        for (Module m : modules(c.source())) {
            if (hasWord(m.text(), "sp_send_dbmail")) {
                out.add(finding("SQLSERVER-DATABASE-MAIL", db ? Severity.ERROR : mi ? Severity.WARNING : Severity.INFO, m.type(),
                        m.name(), "sends mail with sp_send_dbmail" + (db ? "; Azure SQL Database has no Database Mail"
                                : mi ? "; Managed Instance needs a mail profile named AzureManagedInstance_dbmail_profile" : ""),
                        db ? "Send mail from a Logic App or the application." : "Configure Database Mail on the target."));
            }
        }
        return out;
    }

    static List<Finding> bulkFromFile(AssessmentContext c, boolean azure) {
        if (!azure) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Module m : modules(c.source())) {
            if (hasWord(m.text(), "BULK", "INSERT") || hasWord(m.text(), "OPENROWSET") && hasWord(m.text(), "BULK")) {
                out.add(finding("SQLSERVER-BULK-FROM-FILE", Severity.ERROR, m.type(), m.name(),
                        "loads files with BULK INSERT / OPENROWSET(BULK); Azure SQL reads files only from Azure Blob Storage",
                        "Put the files in Blob Storage and add DATA_SOURCE = an external data source to the statement."));
            }
        }
        return out;
    }

    static List<Finding> ssis(AssessmentContext c, String target) {
        if (setting(c.source(), "ssisdb").isEmpty()) {
            return List.of();
        }
        boolean azure = target.equals(SQLDB) || target.equals(SQLMI);
        return List.of(finding("SQLSERVER-SSIS", azure ? Severity.WARNING : Severity.INFO, "ssis catalog", "SSISDB",
                "the instance hosts an SSIS catalog (SSISDB); its packages are not migrated with the database",
                azure ? "Move the packages to Azure Data Factory: provision an Azure-SSIS Integration Runtime with its SSISDB "
                        + "on the Azure SQL target and redeploy the projects (or rebuild them as Data Factory pipelines)."
                        : "Redeploy the SSIS projects to the target's SSIS catalog (Integration Services Deployment Wizard)."));
    }

    static List<Finding> loginsToUsers(AssessmentContext c, boolean db) {
        if (!db) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Principal p : c.source().principals()) {
            boolean chosen = c.options().users().stream().anyMatch(p::matches);
            if (chosen && (p.kind() == Principal.Kind.LOGIN || p.kind() == Principal.Kind.USER)) {
                out.add(finding("SQLSERVER-LOGIN-TO-USER", Severity.WARNING, "login", p.name(),
                        "becomes a contained database user with a new random password: Azure SQL Database keeps no server "
                                + "logins in a user database and cannot take a password hash",
                        "ALTER USER [" + p.name().replace("]", "]]") + "] WITH PASSWORD = '…' after the migration and "
                                + "give the password to the application, or use Microsoft Entra authentication."));
            }
        }
        return out;
    }

    static List<Finding> serverRoles(AssessmentContext c, boolean db) {
        List<Finding> out = new ArrayList<>();
        for (Principal p : c.source().principals()) {
            if ((p.kind() == Principal.Kind.LOGIN || p.kind() == Principal.Kind.WINDOWS_LOGIN) && !p.roles().isEmpty()
                    && c.options().users().stream().anyMatch(p::matches)) {
                out.add(finding("SQLSERVER-SERVER-ROLE", db ? Severity.WARNING : Severity.INFO, "login", p.name(),
                        "is a member of server role(s) " + String.join(", ", p.roles())
                                + (db ? "; Azure SQL Database has no server roles for contained users" : ""),
                        db ? "Grant the database permissions the role gave instead (e.g. db_owner for sysadmin)."
                                : "Check that the memberships are still wanted on the target."));
            }
        }
        return out;
    }

    static List<Finding> deprecatedTypes(AssessmentContext c) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            for (Column col : t.columns()) {
                String n = col.type().name();
                if (n.equals("text") || n.equals("ntext") || n.equals("image")) {
                    out.add(finding("SQLSERVER-DEPRECATED-TYPE", Severity.INFO, "column", t.name() + ".\"" + col.name() + "\"",
                            "uses the deprecated type " + n + "; it is migrated as it is",
                            "Change it to " + (n.equals("image") ? "varbinary(max)" : n.equals("ntext") ? "nvarchar(max)" : "varchar(max)")
                                    + " when the application allows."));
                }
            }
        }
        return out;
    }

    static List<Finding> noPrimaryKey(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            if (!t.hasPrimaryKey()) {
                out.add(finding("SQLSERVER-NO-PRIMARY-KEY", Severity.INFO, "table", t.name().toString(),
                        "has no primary key: it is copied in one piece (no resumable slices) and verified as a whole",
                        "Add a primary key if the table is large."));
            }
        }
        return out;
    }

    static List<Finding> temporalTables(AssessmentContext c) {
        List<Finding> out = new ArrayList<>();
        for (String t : setting(c.source(), "temporal_tables")) {
            out.add(finding("SQLSERVER-TEMPORAL-TABLE", Severity.WARNING, "table", t,
                    "is system-versioned: DBShift creates it and its history table as plain tables and copies both",
                    "After the copy, ALTER TABLE … ADD PERIOD FOR SYSTEM_TIME (if missing) and SET (SYSTEM_VERSIONING = ON "
                            + "(HISTORY_TABLE = …, DATA_CONSISTENCY_CHECK = ON))."));
        }
        return out;
    }

    static List<Finding> inMemory(AssessmentContext c, boolean azure) {
        List<Finding> out = new ArrayList<>();
        for (String t : setting(c.source(), "memory_optimized_tables")) {
            out.add(finding("SQLSERVER-IN-MEMORY", azure ? Severity.WARNING : Severity.INFO, "table", t,
                    "is memory-optimized; DBShift creates it as a disk-based table"
                            + (azure ? " (In-Memory OLTP needs the Business Critical or Premium tier on Azure SQL)" : ""),
                    "Recreate it WITH (MEMORY_OPTIMIZED = ON) on a tier that supports it, with a MEMORY_OPTIMIZED_DATA filegroup."));
        }
        return out;
    }

    static List<Finding> filegroups(AssessmentContext c, boolean db) {
        if (!fromSqlServer(c)) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Table t : c.source().tables()) {
            String fg = t.options().extra().get(SqlServerDdlWriter.FILEGROUP);
            if (fg != null) {
                out.add(finding("SQLSERVER-FILEGROUP", db ? Severity.INFO : Severity.WARNING, "table", t.name().toString(),
                        "is stored on filegroup " + fg + (db ? "; Azure SQL Database has one filegroup, so the table goes to PRIMARY"
                                : "; the filegroup must exist on the target"),
                        db ? "Nothing to do." : "Create the filegroup on the target database first."));
            }
        }
        for (String ps : setting(c.source(), "partition_schemes")) {
            out.add(finding("SQLSERVER-FILEGROUP", Severity.WARNING, "partition scheme", ps,
                    "tables partitioned on this scheme are created unpartitioned by DBShift",
                    "Create the partition function and scheme on the target and rebuild the table on it."));
        }
        return out;
    }
}
