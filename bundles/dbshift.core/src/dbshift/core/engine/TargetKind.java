package dbshift.core.engine;

import java.util.List;
import java.util.Set;

import dbshift.core.assess.AssessmentRule;

/**
 * A kind of target a dialect writes to, e.g. MySQL 8, Azure Database for MySQL, SQL Server, Azure SQL Database.
 * It names what the managed service refuses (privileges, storage engines) and the assessment rules that apply.
 */
public interface TargetKind {

    /** Stable id, the value of {@code --target-kind}: {@code mysql}, {@code azure-mysql}, {@code sqlserver}, … */
    String id();

    String displayName();

    /** The dialect that writes this target. */
    String dialect();

    /** Privileges the service never grants to customers (e.g. SUPER and FILE on Azure Database for MySQL). */
    default Set<String> refusedPrivileges() {
        return Set.of();
    }

    /**
     * What a global {@code ALL PRIVILEGES} grant becomes when the target refuses some of them: the privileges its
     * administrators can hand out. Empty means the target takes ALL as it is.
     */
    default List<String> allPrivilegesReplacement() {
        return List.of();
    }

    /** Whether connections to this target must be encrypted with a validated certificate by default. */
    default boolean encryptedByDefault() {
        return false;
    }

    /** Assessment rules for migrating into this target. */
    List<AssessmentRule> rules();
}
