package dbshift.core.engine;

import dbshift.core.model.Catalog;

/** Reads a schema script (DDL text) into the model without a live server; what it cannot parse becomes a ReadProblem. */
public interface ScriptReader {
    Catalog read(String scriptText, String defaultSchema);
}
