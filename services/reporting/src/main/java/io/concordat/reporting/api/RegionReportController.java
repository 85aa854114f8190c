package io.concordat.reporting.api;

import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.kit.tenancy.TenantTransactions;
import io.concordat.reporting.domain.BoardReport;
import io.concordat.reporting.domain.FinancialQuarter;
import io.concordat.reporting.domain.OpenData;
import io.concordat.reporting.report.BoardReportRenderer;
import io.concordat.reporting.store.BoardReportStore;
import io.concordat.reporting.store.OpenDataStore;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A region's quarterly board report (HTML or PDF) and its open data (CSV or JSON), for staff of
 * its member authorities.
 */
@ProblemAnswers
@Controller("/api/v1/reporting/regions/{regionId}")
@Secured({Roles.AUTHORITY_OFFICER, Roles.AUTHORITY_ADMIN, Roles.BOARD_MEMBER, Roles.REGIONAL_VIEWER, Roles.REGION_ADMIN,
        Roles.PLATFORM_ADMIN})
public class RegionReportController {

    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    private static final String LICENCE_LINK = "<" + OpenData.LICENCE_URL + ">; rel=\"license\"";
    /** A byte order mark, so that spreadsheet programs read the file as UTF-8. */
    private static final String BOM = "\uFEFF";

    private final TenantTransactions transactions;
    private final ReportingAccess access;
    private final BoardReportStore reports;
    private final BoardReportRenderer renderer;
    private final OpenDataStore openData;

    public RegionReportController(TenantTransactions transactions, ReportingAccess access, BoardReportStore reports,
                                  BoardReportRenderer renderer, OpenDataStore openData) {
        this.transactions = transactions;
        this.access = access;
        this.reports = reports;
        this.renderer = renderer;
        this.openData = openData;
    }

    /**
     * The board report for a quarter of a financial year, e.g. {@code /board-reports/2026-27/Q2}.
     *
     * @param format {@code html} (the default) or {@code pdf}
     */
    @Get("/board-reports/{year}/{quarter}")
    public HttpResponse<?> boardReport(Caller caller, @PathVariable UUID regionId, @PathVariable String year,
                                       @PathVariable String quarter, @Nullable @QueryValue String format) {
        FinancialQuarter period;
        try {
            period = FinancialQuarter.parse(year, quarter);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-quarter", "The quarter is written like 2026-27/Q2: " + e.getMessage() + ".");
        }
        String wanted = format == null ? "html" : format.strip().toLowerCase();
        if (!wanted.equals("html") && !wanted.equals("pdf")) {
            throw ProblemException.badRequest("invalid-format", "A board report comes as html or pdf.");
        }
        BoardReport report = transactions.read(caller, connection -> reports.report(regionId,
                access.requireRegion(caller, regionId), period, LocalDate.now(ZoneId.of("Europe/London"))));
        String file = "board-report-" + year + "-" + quarter.toUpperCase();
        if (wanted.equals("pdf")) {
            return HttpResponse.ok(renderer.pdf(report)).contentType(MediaType.APPLICATION_PDF_TYPE)
                    .header("Content-Disposition", "attachment; filename=\"" + file + ".pdf\"");
        }
        return HttpResponse.ok(renderer.html(report)).contentType(MediaType.TEXT_HTML_TYPE.toString() + "; charset=utf-8");
    }

    /**
     * Open data: {@code arrangements.csv}, {@code arrangements.json}, {@code savings.csv} or
     * {@code savings.json}, under the Open Government Licence v3.0.
     */
    @Get("/open-data/{file}")
    public HttpResponse<?> openData(Caller caller, @PathVariable UUID regionId, @PathVariable String file) {
        int dot = file.lastIndexOf('.');
        String dataset = dot < 0 ? file : file.substring(0, dot);
        String format = dot < 0 ? "" : file.substring(dot + 1);
        if (!List.of("arrangements", "savings").contains(dataset) || !List.of("csv", "json").contains(format)) {
            throw ProblemException.notFound("no-such-dataset",
                    "The open data files are arrangements.csv, arrangements.json, savings.csv and savings.json.");
        }
        record Table(String region, List<String> columns, List<List<Object>> rows, List<?> views) {
        }
        Table table = transactions.read(caller, connection -> {
            String region = access.requireRegion(caller, regionId);
            if (dataset.equals("arrangements")) {
                List<OpenData.Arrangement> rows = openData.arrangements(regionId);
                return new Table(region, OpenData.ARRANGEMENT_COLUMNS, rows.stream().map(OpenData.Arrangement::values).toList(),
                        rows.stream().map(OpenArrangementView::of).toList());
            }
            List<OpenData.Saving> rows = openData.savings(regionId);
            return new Table(region, OpenData.SAVINGS_COLUMNS, rows.stream().map(OpenData.Saving::values).toList(),
                    rows.stream().map(OpenSavingView::of).toList());
        });
        if (format.equals("csv")) {
            return HttpResponse.ok(csv(table.columns(), table.rows()).getBytes(StandardCharsets.UTF_8)).contentType(CSV)
                    .header("Link", LICENCE_LINK)
                    .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
        }
        return HttpResponse.ok(new OpenDataView<>(dataset, table.region(), regionId, OpenData.LICENCE, OpenData.LICENCE_URL,
                table.columns(), table.views())).contentType(MediaType.APPLICATION_JSON_TYPE).header("Link", LICENCE_LINK);
    }

    private static String csv(List<String> columns, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        out.write(BOM);
        try (CSVPrinter printer = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).build()
                .print(out)) {
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v == null ? "" : v.toString()).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV", e);
        }
        return out.toString();
    }
}
