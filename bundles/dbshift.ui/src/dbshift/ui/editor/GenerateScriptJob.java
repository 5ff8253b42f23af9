package dbshift.ui.editor;

import java.util.List;
import java.util.Set;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IProject;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;

import dbshift.core.assess.Finding;
import dbshift.core.engine.Dialect;
import dbshift.core.project.ObjectDefinitions;
import dbshift.core.project.ScriptMerge;
import dbshift.core.run.Migration;
import dbshift.core.script.Script;
import dbshift.core.script.ScriptSyntax;
import dbshift.ui.assess.FindingMarkers;
import dbshift.ui.project.MigrationProjects;
import dbshift.ui.run.EngineJob;
import dbshift.ui.run.ProjectSession;

/**
 * Generates (or regenerates) the migration script of a project with the engine: read, assess, convert with the
 * reviewer's choices, plan against the live target when one is linked (else the whole script), then merge with
 * the reviewed script so that edits survive where the object did not change and are flagged where it did. Writes
 * scripts/migration.sql, the base .dbshift/generated.sql and every object's definitions for the diff editor.
 */
public final class GenerateScriptJob extends EngineJob {
    private volatile Script generated;
    private volatile List<ObjectDefinitions.Definition> definitions;
    private volatile List<Finding> findings;
    private volatile ScriptMerge.Result merge;

    public GenerateScriptJob(ProjectSession session) {
        super("Generate the migration script of " + session.project().getName(), "script", session);
    }

    @Override
    protected boolean writesReport() {
        return false;
    }

    @Override
    protected void work(Migration m) {
        findings = m.assess();
        generated = m.readTarget() != null ? m.plan() : m.script();
        Dialect source = m.sourceEndpoint().dialect();
        definitions = ObjectDefinitions.withLossyValues(
                ObjectDefinitions.of(m.readSource(), source, m.convert(), m.targetDialect(), m.readTarget()), m.lossyValues());
    }

    @Override
    protected void after(Migration m, Throwable failure, IProgressMonitor monitor) throws CoreException {
        IProject project = session.project();
        if (findings != null) {
            FindingMarkers.replace(project, findings);
        }
        if (failure != null || generated == null) {
            return;
        }
        ScriptSyntax syntax = m.targetDialect().scriptSyntax();
        IFile scriptFile = MigrationProjects.script(project);
        IFile baseFile = MigrationProjects.generated(project);
        String baseText = MigrationProjects.readText(baseFile);
        String reviewedText = MigrationProjects.readText(scriptFile);
        Script base = baseText == null ? null : syntax.parse(baseText);
        Script reviewed = reviewedText == null || base == null ? null : syntax.parse(reviewedText);
        merge = ScriptMerge.merge(base, reviewed, generated, Set.copyOf(session.model().excluded()));
        String text = syntax.render(merge.script());
        MigrationProjects.writeText(scriptFile, text, monitor);
        MigrationProjects.writeText(baseFile, syntax.render(generated), monitor);
        try {
            ObjectDefinitions.write(definitions, MigrationProjects.definitions(project).getLocation().toFile().toPath());
        } catch (java.io.IOException e) {
            throw new CoreException(dbshift.ui.internal.DBShiftUiPlugin.error("cannot write the object definitions of "
                    + project.getName() + ": " + e.getMessage(), e));
        }
        MigrationProjects.definitions(project).refreshLocal(0, monitor);
        ScriptMarkers.replaceConflicts(scriptFile, text, merge.conflicts());
    }

    public ScriptMerge.Result merge() {
        return merge;
    }

    public Script generated() {
        return generated;
    }
}
