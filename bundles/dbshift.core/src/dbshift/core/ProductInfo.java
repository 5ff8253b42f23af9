package dbshift.core;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/** Name and version of the running engine, read from this bundle's own manifest (works on a plain class path and in OSGi). */
public final class ProductInfo {
    public static final String NAME = "DBShift";
    private static final String SYMBOLIC_NAME = "dbshift.core";

    private ProductInfo() {
    }

    /** The bundle version, e.g. {@code 0.1.0.202611232000}, or {@code "unknown"} when run from unpackaged classes. */
    public static String version() {
        try {
            Enumeration<URL> manifests = ProductInfo.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Attributes main = new Manifest(in).getMainAttributes();
                    String name = main.getValue("Bundle-SymbolicName");
                    if (name != null && name.split(";")[0].trim().equals(SYMBOLIC_NAME)) {
                        return main.getValue("Bundle-Version");
                    }
                }
            }
        } catch (IOException e) {
            // fall through: a version we cannot read is not worth failing for
        }
        return "unknown";
    }
}
