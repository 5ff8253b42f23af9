package dbshift.ui.connections;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.widgets.Display;

import dbshift.core.engine.CatalogReader;
import dbshift.core.engine.ConnectionSpec;
import dbshift.core.engine.Endpoint;
import dbshift.core.model.Catalog;
import dbshift.core.run.Migration;
import dbshift.ui.connections.CatalogNode.ProfileNode;
import dbshift.ui.connections.CatalogNode.SchemaNode;

/**
 * Profiles at the top, expanding lazily: a profile connects in a job and lists its databases, a database is read
 * in a job into folders of tables, views, routines and triggers. The UI thread only ever shows a "Loading…" node.
 */
public final class CatalogContentProvider implements ITreeContentProvider {
    /** The job family of catalog loads (tests and shutdown wait for it). */
    public static final Object FAMILY = new Object();

    private final TreeViewer viewer;
    private final Map<String, char[]> passwords = new ConcurrentHashMap<>();

    public CatalogContentProvider(TreeViewer viewer) {
        this.viewer = viewer;
    }

    @Override
    public Object[] getElements(Object input) {
        return input instanceof List<?> list ? list.toArray() : new Object[0];
    }

    @Override
    public Object[] getChildren(Object element) {
        CatalogNode n = (CatalogNode) element;
        List<CatalogNode> kids = n.children();
        if (kids != null) {
            return kids.toArray();
        }
        if (n instanceof ProfileNode p) {
            if (p.error != null) {
                return new Object[] { message(p, p.error) };
            }
            loadProfile(p);
        } else if (n instanceof SchemaNode s) {
            if (s.error != null) {
                return new Object[] { message(s, s.error) };
            }
            loadSchema(s);
        }
        return new Object[] { message(n, "Loading…") };
    }

    private static CatalogNode message(CatalogNode parent, String text) {
        return CatalogNode.leaf(parent, text, null, null, text);
    }

    @Override
    public Object getParent(Object element) {
        return ((CatalogNode) element).parent();
    }

    @Override
    public boolean hasChildren(Object element) {
        CatalogNode n = (CatalogNode) element;
        List<CatalogNode> kids = n.children();
        return kids == null ? n.loads() : !kids.isEmpty();
    }

    /** Forgets the session password (after the profile was edited). */
    public void forget(String profileId) {
        char[] pw = passwords.remove(profileId);
        if (pw != null) {
            java.util.Arrays.fill(pw, '\0');
        }
    }

    private char[] password(ProfileNode p) {
        return passwords.get(p.profile().id());
    }

    private void loadProfile(ProfileNode p) {
        if (p.loading) {
            return;
        }
        p.loading = true;
        Display display = viewer.getControl().getDisplay();
        // a prompt must not open inside the tree's expansion callback: ask once the event is over
        display.asyncExec(() -> {
            if (viewer.getControl().isDisposed()) {
                return;
            }
            char[] pw = password(p);
            if (pw == null) {
                pw = Passwords.obtain(viewer.getControl().getShell(), p.profile());
                if (pw == null) {
                    p.error = "not connected: no password given";
                    p.loading = false;
                    refresh(p);
                    return;
                }
                passwords.put(p.profile().id(), pw);
            }
            char[] password = pw.clone();
            schedule("Connecting to " + p.profile().name(), monitor -> {
                ConnectionSpec spec = p.profile().toSpec(password);
                try {
                    Endpoint endpoint = Migration.connect(p.side().role(), spec);
                    List<String> schemas;
                    String server;
                    try (Connection c = endpoint.open()) {
                        server = endpoint.dialect().displayName() + " " + c.getMetaData().getDatabaseProductVersion();
                        CatalogReader reader = endpoint.dialect().catalogReader().orElseThrow(
                                () -> new IllegalStateException(endpoint.dialect().displayName() + " cannot be browsed"));
                        schemas = reader.schemas(c);
                    }
                    String only = p.profile().database();
                    List<CatalogNode> kids = new ArrayList<>();
                    for (String s : schemas) {
                        if (only == null || only.equals(s)) {
                            kids.add(new SchemaNode(p, s));
                        }
                    }
                    p.server = server;
                    p.error = null;
                    p.children = kids;
                } catch (Exception e) {
                    p.error = e.getMessage() == null ? e.toString() : e.getMessage();
                    passwords.remove(p.profile().id());
                } finally {
                    spec.forgetPassword();
                    p.loading = false;
                }
                display.asyncExec(() -> refresh(p));
            });
        });
    }

    private void loadSchema(SchemaNode s) {
        if (s.loading) {
            return;
        }
        s.loading = true;
        ProfileNode p = s.profileNode();
        char[] pw = password(p);
        char[] password = pw == null ? new char[0] : pw.clone();
        Display display = viewer.getControl().getDisplay();
        schedule("Reading database " + s.schema() + " of " + p.profile().name(), monitor -> {
            ConnectionSpec spec = p.profile().toSpec(password);
            try {
                Endpoint endpoint = Migration.connect(p.side().role(), spec);
                Catalog catalog;
                try (Connection c = endpoint.open()) {
                    catalog = endpoint.dialect().catalogReader().orElseThrow().read(c, List.of(s.schema()), false);
                }
                s.loaded(catalog.schema(s.schema()).orElseThrow(
                        () -> new IllegalStateException("database " + s.schema() + " is no longer there")));
                s.error = null;
            } catch (Exception e) {
                s.error = "cannot read database " + s.schema() + ": " + (e.getMessage() == null ? e.toString() : e.getMessage());
            } finally {
                spec.forgetPassword();
                s.loading = false;
            }
            display.asyncExec(() -> refresh(s));
        });
    }

    private interface Work {
        void run(IProgressMonitor monitor);
    }

    private static void schedule(String name, Work work) {
        Job job = new Job(name) {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                work.run(monitor);
                return Status.OK_STATUS;
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setUser(false);
        job.schedule();
    }

    private void refresh(CatalogNode node) {
        if (!viewer.getControl().isDisposed()) {
            viewer.refresh(node, true);
            if (node.children() != null) {
                viewer.setExpandedState(node, true);
            }
        }
    }
}
