package dbshift.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dbshift.core.engine.Dialects;

/**
 * dbshift.core is engine-neutral: the engines live in their own bundles and reach the core only through the SPI.
 * <p>
 * What counts: the text entries of every dbshift.core class file's constant pool, i.e. every class, method and field
 * name it declares or refers to and every string constant in its code, compared case-insensitively. None may
 * contain an engine's name ({@link #ENGINE_NAMES}), a JDBC driver's or engine library's package
 * ({@link #DRIVER_PACKAGES}), or a piece of SQL only one engine speaks ({@link #ENGINE_SQL}). Comments are not in
 * class files, so the model's documentation may still say which engine a field is for (e.g. "MySQL's ON UPDATE").
 * Quote characters (backtick, brackets) are not counted: the neutral normalizers strip every engine's quotes alike.
 * Besides the classes: no SQL resource file, no dialect registration, and no driver or engine bundle in the
 * manifest's dependencies.
 */
class EngineNeutralCoreTest {
    static final List<String> ENGINE_NAMES = List.of("mysql", "mariadb", "sqlserver", "sql server", "mssql", "sybase", "ase15",
            "jtds", "azure", "microsoft", "postgres", "oracle", "babelfish");
    static final List<String> DRIVER_PACKAGES = List.of("com/mysql", "com.mysql", "org/mariadb", "org.mariadb", "com/microsoft",
            "com.microsoft", "net/sourceforge", "net.sourceforge", "shyiko", "zendesk");
    static final List<String> ENGINE_SQL = List.of("information_schema", "performance_schema", "show create", "show variables",
            "show master", "show binary", "load data", "auto_increment", "identity_insert", "sp_executesql", "sys.objects",
            "sys.tables", "sys.columns", "sys.schemas", "sysobjects", "@@", "nolock", "innodb", "myisam", "nvarchar", "datetime2",
            "uniqueidentifier", "binlog", "binary log", "change_tracking", "changetable", "t-sql", "transact-sql", "engine=",
            "set names", "checkident");

    @Test
    void coreClassesNameNoEngineDriverOrEngineSql() throws IOException {
        Bundle core = coreBundle();
        List<String> offenders = new ArrayList<>();
        int count = 0;
        for (URL url : Collections.list(core.findEntries("/", "*.class", true))) {
            if (url.getPath().contains("/dbshift/core/tests/")) {
                continue; // this fragment's own classes
            }
            count++;
            offenders.addAll(forbiddenIn(url));
        }
        assertTrue(count > 100, "too few core classes were scanned: " + count);
        assertEquals(List.of(), offenders, "dbshift.core must stay engine-neutral; move these behind the dialect SPI");
    }

    @Test
    void theScanFindsEngineCodeWhereThereIsSome() throws IOException {
        // the same scan over an engine bundle's dialect must object, or the test above proves nothing
        Class<?> mysql = Dialects.require("mysql").getClass();
        URL dialect = FrameworkUtil.getBundle(mysql).getEntry(mysql.getName().replace('.', '/') + ".class");
        assertNotNull(dialect, "the MySQL dialect's class file");
        List<String> found = forbiddenIn(dialect);
        assertTrue(found.stream().anyMatch(f -> f.endsWith("mysql")), found.toString());
        assertTrue(found.stream().anyMatch(f -> f.endsWith("com/mysql")), found.toString());
    }

    @Test
    void coreShipsNoEngineSqlRegistersNoDialectAndDependsOnNoDriver() {
        Bundle core = coreBundle();
        List<String> sql = new ArrayList<>();
        var sqlFiles = core.findEntries("/", "*.sql", true);
        if (sqlFiles != null) {
            Collections.list(sqlFiles).forEach(u -> sql.add(u.getPath()));
        }
        assertEquals(List.of(), sql, "catalog queries belong beside their engine's reader");
        assertNull(core.getEntry("META-INF/services/dbshift.core.engine.Dialect"), "dialects register in their own bundle");
        for (String header : new String[] { "Require-Bundle", "Import-Package", "DynamicImport-Package" }) {
            String value = core.getHeaders("").get(header);
            if (value == null) {
                continue;
            }
            String lower = value.toLowerCase(Locale.ROOT);
            for (String word : concat(ENGINE_NAMES, DRIVER_PACKAGES)) {
                assertFalse(lower.contains(word), header + " of dbshift.core mentions " + word + ": " + value);
            }
        }
    }

    private static List<String> forbiddenIn(URL classFile) throws IOException {
        String pool = String.join("\n", constantPoolTexts(classFile)).toLowerCase(Locale.ROOT);
        List<String> found = new ArrayList<>();
        for (String word : concat(concat(ENGINE_NAMES, DRIVER_PACKAGES), ENGINE_SQL)) {
            if (pool.contains(word)) {
                found.add(classFile.getPath() + " -> " + word);
            }
        }
        return found;
    }

    /**
     * The CONSTANT_Utf8 entries of a class file's constant pool: the names and descriptors of every class, method
     * and field it declares or uses, and the text of its string constants (numbers and other binary entries are
     * skipped, so that their bytes cannot read as text).
     */
    static List<String> constantPoolTexts(URL classFile) throws IOException {
        List<String> texts = new ArrayList<>();
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(classFile.openStream()))) {
            assertEquals(0xCAFEBABE, in.readInt(), classFile + " is not a class file");
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> texts.add(in.readUTF());
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++; // longs and doubles take two entries
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException(classFile + ": unknown constant pool tag " + tag);
                }
            }
        }
        return texts;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Bundle coreBundle() {
        Bundle core = FrameworkUtil.getBundle(dbshift.core.ProductInfo.class);
        assertNotNull(core, "dbshift.core is not running as a bundle");
        return core;
    }
}
