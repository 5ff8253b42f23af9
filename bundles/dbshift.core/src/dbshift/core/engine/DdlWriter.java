package dbshift.core.engine;

import java.util.List;

import dbshift.core.model.Event;
import dbshift.core.model.ForeignKey;
import dbshift.core.model.Index;
import dbshift.core.model.Principal;
import dbshift.core.model.Routine;
import dbshift.core.model.Schema;
import dbshift.core.model.Sequence;
import dbshift.core.model.Synonym;
import dbshift.core.model.Table;
import dbshift.core.model.Trigger;
import dbshift.core.model.UserDefinedType;
import dbshift.core.model.View;

/**
 * Prints model objects as SQL statements of one dialect (no statement terminators or batch separators: the
 * script layer adds those). A writer may return several statements for one object.
 */
public interface DdlWriter {

    List<String> createSchema(Schema schema);

    /**
     * CREATE TABLE with columns, primary key and checks; secondary indexes and foreign keys only when
     * {@code withIndexes} / {@code withForeignKeys} (else they come later through {@link #addIndexes} and
     * {@link #addForeignKeys}, after the data).
     */
    List<String> createTable(Table table, boolean withIndexes, boolean withForeignKeys);

    List<String> addIndexes(Table table, List<Index> indexes);

    List<String> addForeignKeys(Table table, List<ForeignKey> foreignKeys);

    List<String> createView(View view);

    List<String> createRoutine(Routine routine);

    List<String> createTrigger(Trigger trigger);

    default List<String> createEvent(Event event) {
        throw new UnsupportedOperationException("events are not supported by this dialect");
    }

    default List<String> createSequence(Sequence sequence) {
        throw new UnsupportedOperationException("sequences are not supported by this dialect");
    }

    default List<String> createSynonym(Synonym synonym) {
        throw new UnsupportedOperationException("synonyms are not supported by this dialect");
    }

    default List<String> createType(UserDefinedType type) {
        throw new UnsupportedOperationException("user-defined types are not supported by this dialect");
    }

    /** CREATE USER/LOGIN with its credentials and GRANTs; the statements may carry a password hash, so they are never written to files. */
    List<String> createPrincipal(Principal principal);

    /** Statements that prepare a session for deploying a script (character set, permissive modes for DDL). */
    default List<String> deploySessionSetup() {
        return List.of();
    }

    /** Statements that set the next identity/auto-increment value after a data load. */
    List<String> resetAutoIncrement(Table table, long nextValue);

    /**
     * A table definition this writer printed, in the form in which two of them are compared to tell whether a table
     * on the live target is the planned one: what the target server does not distinguish (name case under a
     * case-insensitive collation, an index property the server does not have) is left out. {@code live} is the
     * target's catalog, with the settings its reader found.
     */
    default String comparable(String tableDefinition, dbshift.core.model.Catalog live) {
        return tableDefinition;
    }
}
