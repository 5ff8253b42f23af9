package dbshift.core.deploy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import dbshift.core.engine.DdlWriter;
import dbshift.core.run.MigrationRun;
import dbshift.core.run.Status;
import dbshift.core.run.StatementOutcome;
import dbshift.core.script.ScriptStatement;

/**
 * Runs script statements one by one and records an outcome for each. By default it stops at the first failure
 * and marks the rest NOT_RUN, so the run says exactly how far the target got; with continue-on-error it runs
 * everything and records each failure.
 */
public final class Deployer {
    private final MigrationRun run;
    private int counter;

    public Deployer(MigrationRun run) {
        this.run = run;
    }

    /** Returns true when every statement succeeded. */
    public boolean deploy(Connection c, DdlWriter writer, List<ScriptStatement> statements, boolean continueOnError)
            throws SQLException {
        for (String setup : writer.deploySessionSetup()) {
            try (Statement s = c.createStatement()) {
                s.execute(setup);
            }
        }
        boolean ok = true;
        boolean stopped = false;
        run.progress().start("deploy", statements.size());
        for (ScriptStatement st : statements) {
            int index = ++counter;
            if (stopped || run.progress().isCancelled()) {
                run.statement(new StatementOutcome(index, st.objectType(), st.objectName(), st.phase().name(), Status.NOT_RUN,
                        0, st.sql(), stopped ? "not run: an earlier statement failed" : "not run: cancelled"));
                continue;
            }
            long start = System.nanoTime();
            try (Statement s = c.createStatement()) {
                s.execute(st.sql());
                if (!c.getAutoCommit()) {
                    c.commit();
                }
                run.statement(new StatementOutcome(index, st.objectType(), st.objectName(), st.phase().name(), Status.OK,
                        (System.nanoTime() - start) / 1_000_000, st.sql(), null));
            } catch (SQLException e) {
                ok = false;
                run.statement(new StatementOutcome(index, st.objectType(), st.objectName(), st.phase().name(), Status.FAILED,
                        (System.nanoTime() - start) / 1_000_000, st.sql(), dbshift.core.engine.SqlErrors.explain(e)));
                if (!continueOnError) {
                    stopped = true;
                }
            }
            run.progress().add(1);
        }
        return ok;
    }
}
