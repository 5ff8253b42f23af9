package dbshift.ui.results;

import java.util.List;
import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

import dbshift.core.replay.StatementReplay;

/**
 * Source vs target latency of each replayed statement (median of the timed runs), two bars per statement, drawn
 * with SWT's GC like the results view's charts. Regressions are labelled.
 */
public final class LatencyChart extends Canvas {
    private List<StatementReplay> statements = List.of();

    public LatencyChart(Composite parent) {
        super(parent, SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc));
        setToolTipText("Median latency per statement: source (blue) and target (orange), over the replay's timed runs");
    }

    public void setStatements(List<StatementReplay> all) {
        statements = all.stream().filter(s -> s.sourceLatency() != null && s.targetLatency() != null).toList();
        redraw();
    }

    /** The statements drawn (those timed on both sides). */
    public List<StatementReplay> statements() {
        return statements;
    }

    private void paint(GC gc) {
        Rectangle area = getClientArea();
        Charts.frame(gc, area, "Median latency per statement (ms): source vs target");
        Rectangle plot = new Rectangle(area.x + 40, area.y + 24, Math.max(10, area.width - 60), Math.max(10, area.height - 44));
        if (statements.isEmpty()) {
            gc.drawString("No statements timed on both sides.", plot.x + 4, plot.y + 4, true);
            return;
        }
        double max = statements.stream().mapToDouble(s -> Math.max(s.sourceLatency().medianMillis(), s.targetLatency().medianMillis()))
                .max().orElse(1) * 1.1;
        Color source = new Color(getDisplay(), new RGB(33, 113, 181));
        Color target = new Color(getDisplay(), new RGB(253, 141, 60));
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_GRAY));
        gc.drawRectangle(plot);
        gc.drawString(String.format(Locale.ROOT, "%.1f", max), area.x + 2, plot.y, true);
        gc.drawString("0", area.x + 2, plot.y + plot.height - 12, true);
        int n = statements.size();
        double slot = (double) plot.width / n;
        int bar = (int) Math.max(1, Math.min(20, slot / 2 - 2));
        for (int i = 0; i < n; i++) {
            StatementReplay s = statements.get(i);
            int x = plot.x + (int) (i * slot) + 2;
            int hs = (int) (s.sourceLatency().medianMillis() / max * plot.height);
            int ht = (int) (s.targetLatency().medianMillis() / max * plot.height);
            gc.setBackground(source);
            gc.fillRectangle(x, plot.y + plot.height - hs, bar, Math.max(1, hs));
            gc.setBackground(target);
            gc.fillRectangle(x + bar, plot.y + plot.height - ht, bar, Math.max(1, ht));
            if (s.regression()) {
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
                gc.drawString("!", x + bar, plot.y + plot.height - ht - 14, true);
            }
            if (slot >= 18) {
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
                gc.drawString(Integer.toString(i + 1), x, plot.y + plot.height + 2, true);
            }
        }
    }
}
