package dbshift.ui.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The two charts of a run, drawn with SWT's GC (no chart library needed): rows per second over time during the
 * copy, and how long each table took.
 */
public final class Charts {
    private Charts() {
    }

    /** Rows per second over the run's seconds, for the samples of the data step. */
    public static final class Throughput extends Canvas {
        private List<ThroughputSample> samples = List.of();

        public Throughput(Composite parent) {
            super(parent, SWT.DOUBLE_BUFFERED);
            addPaintListener(e -> paint(e.gc));
            setToolTipText("Rows per second while the data was copied, sampled four times a second");
        }

        public void setSamples(List<ThroughputSample> all) {
            samples = all.stream().filter(s -> s.step().equals("copy"))
                    .toList();
            if (samples.isEmpty()) {
                samples = all.stream().filter(s -> s.rate() > 0).toList();
            }
            redraw();
        }

        public List<ThroughputSample> samples() {
            return samples;
        }

        private void paint(GC gc) {
            Rectangle area = getClientArea();
            double avgRate = samples.stream().mapToDouble(ThroughputSample::rate).average().orElse(0);
            double peakRate = samples.stream().mapToDouble(ThroughputSample::rate).max().orElse(0);
            frame(gc, area, samples.size() < 2 ? "Throughput (rows/s) over time (s)"
                    : String.format(Locale.ROOT, "Throughput (rows/s) over time (s): average %,.0f, peak %,.0f", avgRate, peakRate));
            Rectangle plot = plotArea(area);
            if (samples.size() < 2) {
                gc.drawString("No throughput recorded for this run (a report from the command line, or no data copied).",
                        plot.x + 4, plot.y + 4, true);
                return;
            }
            double maxT = samples.get(samples.size() - 1).seconds();
            double minT = samples.get(0).seconds();
            double maxR = samples.stream().mapToDouble(ThroughputSample::rate).max().orElse(1);
            maxR = maxR <= 0 ? 1 : maxR * 1.1;
            axes(gc, plot, minT, maxT, maxR);
            Color line = new Color(getDisplay(), new RGB(33, 113, 181));
            gc.setForeground(line);
            gc.setLineWidth(2);
            int[] points = new int[samples.size() * 2];
            for (int i = 0; i < samples.size(); i++) {
                ThroughputSample s = samples.get(i);
                points[2 * i] = plot.x + (int) ((s.seconds() - minT) / Math.max(1e-9, maxT - minT) * plot.width);
                points[2 * i + 1] = plot.y + plot.height - (int) (s.rate() / maxR * plot.height);
            }
            gc.drawPolyline(points);
            gc.setLineWidth(1);
        }
    }

    /** Per-table copy durations, longest first. */
    public static final class Durations extends Canvas {
        private List<Map<String, Object>> tables = List.of();

        public Durations(Composite parent) {
            super(parent, SWT.DOUBLE_BUFFERED);
            addPaintListener(e -> paint(e.gc));
            setToolTipText("How long each table's copy took");
        }

        public void setTables(List<Map<String, Object>> list) {
            List<Map<String, Object>> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparingLong((Map<String, Object> t) -> -number(t.get("millis"))));
            tables = sorted;
            redraw();
        }

        public List<Map<String, Object>> tables() {
            return tables;
        }

        private void paint(GC gc) {
            Rectangle area = getClientArea();
            frame(gc, area, "Copy time per table (ms)");
            Rectangle plot = new Rectangle(area.x + 150, area.y + 24, Math.max(10, area.width - 230), Math.max(10, area.height - 34));
            if (tables.isEmpty()) {
                gc.drawString("No tables copied in this run.", area.x + 10, plot.y + 4, true);
                return;
            }
            long max = Math.max(1, tables.stream().mapToLong(t -> number(t.get("millis"))).max().orElse(1));
            int rows = Math.min(tables.size(), Math.max(1, plot.height / 16));
            int barHeight = Math.max(6, Math.min(18, plot.height / rows - 4));
            Color bar = new Color(getDisplay(), new RGB(65, 171, 93));
            for (int i = 0; i < rows; i++) {
                Map<String, Object> t = tables.get(i);
                int y = plot.y + i * (barHeight + 4);
                long ms = number(t.get("millis"));
                String name = String.valueOf(t.get("name"));
                gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
                gc.drawString(shorten(gc, name, 140), area.x + 6, y, true);
                gc.setBackground(bar);
                int w = (int) ((double) ms / max * plot.width);
                gc.fillRectangle(plot.x, y + 1, Math.max(1, w), barHeight - 2);
                gc.drawString(String.format(Locale.ROOT, "%,d ms", ms), plot.x + w + 4, y, true);
            }
        }
    }

    static long number(Object o) {
        return o instanceof Number n ? n.longValue() : 0;
    }

    static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String t = text;
        while (t.length() > 1 && gc.textExtent(t + "…").x > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    static void frame(GC gc, Rectangle area, String title) {
        gc.setBackground(gc.getDevice().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_BLACK));
        gc.drawString(title, area.x + 6, area.y + 4, true);
    }

    static Rectangle plotArea(Rectangle area) {
        return new Rectangle(area.x + 70, area.y + 24, Math.max(10, area.width - 90), Math.max(10, area.height - 50));
    }

    static void axes(GC gc, Rectangle plot, double minT, double maxT, double maxR) {
        gc.setForeground(gc.getDevice().getSystemColor(SWT.COLOR_GRAY));
        gc.drawRectangle(plot);
        for (int i = 0; i <= 4; i++) {
            int y = plot.y + plot.height - i * plot.height / 4;
            gc.drawLine(plot.x - 3, y, plot.x, y);
            String label = String.format(Locale.ROOT, "%,.0f", maxR * i / 4);
            Point size = gc.textExtent(label);
            gc.drawString(label, plot.x - size.x - 5, y - size.y / 2, true);
            int x = plot.x + i * plot.width / 4;
            gc.drawLine(x, plot.y + plot.height, x, plot.y + plot.height + 3);
            gc.drawString(String.format(Locale.ROOT, "%.1f", minT + (maxT - minT) * i / 4), x - 8, plot.y + plot.height + 4, true);
        }
    }
}
