package io.concordat.reporting.report;

import io.concordat.reporting.domain.BoardReport;
import io.concordat.reporting.domain.Dashboard;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The board report's charts, drawn with JFreeChart as PNG images at twice their printed size so
 * they stay sharp on paper, and handed to the page as data URIs. GOV.UK colours, and red, amber
 * and green for ratings.
 */
final class Charts {

    private static final Color BLUE = new Color(0x1d, 0x70, 0xb8);
    private static final Color GREY = new Color(0x50, 0x5a, 0x5f);
    private static final Color RED = new Color(0xd4, 0x35, 0x1c);
    private static final Color AMBER = new Color(0xf4, 0x77, 0x38);
    private static final Color GREEN = new Color(0x00, 0x70, 0x3c);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 300;

    private Charts() {
    }

    /** Projected against realised savings per authority, in pounds, for the financial year. */
    static String savings(List<Dashboard.AuthoritySavings> savings) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Dashboard.AuthoritySavings s : savings) {
            data.addValue(s.projectedPence() / 100.0, "Projected", s.name());
            data.addValue(s.realisedPence() / 100.0, "Realised", s.name());
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "£", data, PlotOrientation.HORIZONTAL, true, false, false);
        BarRenderer bars = style(chart);
        bars.setSeriesPaint(0, GREY);
        bars.setSeriesPaint(1, BLUE);
        return png(chart, Math.max(HEIGHT, 80 + 50 * savings.size()));
    }

    /** Indicator ratings per arrangement, stacked red, amber, green. */
    static String ratings(List<BoardReport.IndicatorSummary> indicators) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (BoardReport.IndicatorSummary i : indicators) {
            data.addValue(i.red(), "Red", i.arrangement());
            data.addValue(i.amber(), "Amber", i.arrangement());
            data.addValue(i.green(), "Green", i.arrangement());
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(null, null, "Indicators", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        BarRenderer bars = style(chart);
        bars.setSeriesPaint(0, RED);
        bars.setSeriesPaint(1, AMBER);
        bars.setSeriesPaint(2, GREEN);
        return png(chart, Math.max(200, 80 + 40 * indicators.size()));
    }

    /** Opportunities at each stage. */
    static String pipeline(Map<String, Long> byStage) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        byStage.forEach((stage, n) -> data.addValue(n, "Opportunities", stage.replace('_', ' ').toLowerCase()));
        JFreeChart chart = ChartFactory.createBarChart(null, null, "Opportunities", data, PlotOrientation.HORIZONTAL,
                false, false, false);
        style(chart).setSeriesPaint(0, BLUE);
        return png(chart, Math.max(200, 60 + 30 * byStage.size()));
    }

    private static BarRenderer style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xb1, 0xb4, 0xb6));
        plot.setOutlineVisible(false);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        plot.getDomainAxis().setTickLabelFont(font);
        plot.getRangeAxis().setTickLabelFont(font);
        plot.getRangeAxis().setLabelFont(font);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(font);
            chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        }
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        return renderer;
    }

    private static String png(JFreeChart chart, int height) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeScaledChartAsPNG(out, chart, WIDTH, height, 2, 2);
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw a chart", e);
        }
    }
}
