package dbshift.embedded;

import java.net.URL;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/** The OSGi side of {@link BundledBinaries}; only loaded when a framework is running. */
final class OsgiBundles {
    private OsgiBundles() {
    }

    static boolean isBundle(Class<?> type) {
        return FrameworkUtil.getBundle(type) != null;
    }

    static URL entry(String symbolicName, String path) {
        return bundle(symbolicName).getEntry(path);
    }

    static ClassLoader classLoader(String symbolicName) {
        return bundle(symbolicName).adapt(BundleWiring.class).getClassLoader();
    }

    private static Bundle bundle(String symbolicName) {
        for (Bundle b : FrameworkUtil.getBundle(OsgiBundles.class).getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException("bundle " + symbolicName + " is not installed");
    }
}
