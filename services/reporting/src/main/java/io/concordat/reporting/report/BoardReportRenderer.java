package io.concordat.reporting.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.concordat.reporting.domain.BoardReport;
import io.concordat.reporting.domain.Words;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders a board report as an HTML page (Thymeleaf, escaping every value) and prints the same
 * page to PDF (openhtmltopdf on PDFBox), so the two never say different things.
 */
@Singleton
public class BoardReportRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final TemplateEngine templates;

    public BoardReportRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("reports/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        templates = new TemplateEngine();
        templates.setTemplateResolver(resolver);
    }

    public String html(BoardReport report) {
        Context context = new Context(Locale.UK);
        context.setVariable("r", report);
        context.setVariable("f", new Formats());
        context.setVariable("savingsChart", report.finance().savings().byAuthority().isEmpty() ? null
                : Charts.savings(report.finance().savings().byAuthority()));
        context.setVariable("ratingsChart", report.indicators().isEmpty() ? null : Charts.ratings(report.indicators()));
        context.setVariable("pipelineChart", report.pipeline().byStage().isEmpty() ? null
                : Charts.pipeline(report.pipeline().byStage()));
        return templates.process("board-report", context);
    }

    public byte[] pdf(BoardReport report) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(html(report), null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot print the board report", e);
        }
    }

    /** Formatting helpers the template calls. */
    public static final class Formats {

        public String pounds(long pence) {
            NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
            return format.format(BigDecimal.valueOf(pence, 2));
        }

        public String day(java.time.LocalDate day) {
            return day == null ? "" : DAY.format(day);
        }

        public String words(String code) {
            return Words.sentence(code);
        }
    }
}
