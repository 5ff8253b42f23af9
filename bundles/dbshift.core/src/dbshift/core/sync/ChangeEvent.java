package dbshift.core.sync;

import java.util.List;

import dbshift.core.model.QualifiedName;

/** What a change stream delivers: changed keys, commits that mark where source transactions end, and warnings. */
public sealed interface ChangeEvent permits ChangeEvent.KeyChange, ChangeEvent.Commit, ChangeEvent.Warning {

    /**
     * The row with this primary key was inserted, updated or deleted on the source. Only the key travels: the
     * synchronizer reads the row's current values from the source the same exact way the copy does (an update
     * that changes the key yields two changes, the old key and the new one).
     */
    record KeyChange(QualifiedName table, List<String> key) implements ChangeEvent {
    }

    /** A source transaction ended; the stream may be resumed from {@code position}. */
    record Commit(SourcePosition position, long sourceEpochMillis) implements ChangeEvent {
    }

    /** Something the stream cannot replicate (DDL, a table without a key), for the report. */
    record Warning(String message) implements ChangeEvent {
    }
}
