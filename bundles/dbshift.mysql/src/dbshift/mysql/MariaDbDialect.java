package dbshift.mysql;

import java.util.List;
import java.util.Set;

import dbshift.core.engine.TargetKind;

/** MariaDB 10.x/11.x: MySQL's dialect with MariaDB's catalog (sequences, JSON as text, IGNORED indexes, roles). */
public final class MariaDbDialect extends MySqlDialect {

    @Override
    public String id() {
        return "mariadb";
    }

    @Override
    public String displayName() {
        return "MariaDB";
    }

    @Override
    public int order() {
        return 110;
    }

    @Override
    protected String urlScheme() {
        return "jdbc:mariadb:";
    }

    @Override
    boolean isMariaDb() {
        return true;
    }

    @Override
    public List<TargetKind> targetKinds() {
        return List.of(kind("mariadb", "MariaDB", Set.of(), false));
    }
}
