package dbshift.cli;

import java.util.concurrent.Callable;

import dbshift.core.ProductInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "version", description = "Print the DBShift version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("%s %s (Java %s, %s)%n", ProductInfo.NAME, ProductInfo.version(),
                System.getProperty("java.version"), System.getProperty("java.vm.vendor"));
        return Main.EXIT_OK;
    }
}
