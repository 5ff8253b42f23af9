package dbshift.sqlserver.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import dbshift.core.engine.Dialects;
import dbshift.core.model.Catalog;

final class Resources {
    private Resources() {
    }

    static String text(String name) {
        try (InputStream in = Resources.class.getResourceAsStream("sql/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no test resource sql/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A T-SQL script read offline by the SQL Server dialect's script reader. */
    static Catalog readTSql(String text) {
        return Dialects.require("sqlserver").scriptReader().orElseThrow().read(text, "dbo");
    }
}
