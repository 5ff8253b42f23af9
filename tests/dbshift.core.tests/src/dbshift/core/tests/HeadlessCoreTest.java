package dbshift.core.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The engine must stay headless: no SWT, JFace or workbench type may appear in dbshift.core. */
class HeadlessCoreTest {
    private static final String[] UI_PREFIXES = { "org/eclipse/swt/", "org/eclipse/jface/", "org/eclipse/ui/",
            "org.eclipse.swt", "org.eclipse.jface", "org.eclipse.ui" };

    @Test
    void coreManifestDependsOnNoUi() {
        Bundle core = coreBundle();
        for (String header : new String[] { "Require-Bundle", "Import-Package", "DynamicImport-Package" }) {
            String value = core.getHeaders("").get(header);
            if (value != null) {
                for (String prefix : UI_PREFIXES) {
                    assertFalse(value.contains(prefix), header + " of dbshift.core mentions " + prefix + ": " + value);
                }
            }
        }
    }

    @Test
    void coreClassesReferenceNoUiType() throws IOException {
        Bundle core = coreBundle();
        Enumeration<URL> classes = core.findEntries("/", "*.class", true);
        assertNotNull(classes, "dbshift.core has no classes");
        List<String> offenders = new ArrayList<>();
        int count = 0;
        for (URL url : Collections.list(classes)) {
            if (url.getPath().contains("/dbshift/core/tests/")) {
                continue; // this fragment's own classes
            }
            count++;
            String constantPool;
            try (InputStream in = url.openStream()) {
                constantPool = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            }
            for (String prefix : UI_PREFIXES) {
                if (constantPool.contains(prefix)) {
                    offenders.add(url.getPath() + " -> " + prefix);
                }
            }
        }
        assertTrue(count > 0, "no engine classes were scanned");
        assertTrue(offenders.isEmpty(), "dbshift.core references UI types: " + offenders);
    }

    private static Bundle coreBundle() {
        Bundle core = FrameworkUtil.getBundle(dbshift.core.ProductInfo.class);
        assertNotNull(core, "dbshift.core is not running as a bundle");
        return core;
    }
}
