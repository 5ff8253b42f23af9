package dbshift.cli;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/** Runs {@link Main} as an Eclipse application, for the headless product and for IDE users. */
public class CliApplication implements IApplication {
    @Override
    public Object start(IApplicationContext context) {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        return Main.run(args == null ? new String[0] : args);
    }

    @Override
    public void stop() {
        // the command finishes on its own; nothing to interrupt here
    }
}
