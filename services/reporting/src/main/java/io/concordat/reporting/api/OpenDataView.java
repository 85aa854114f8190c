package io.concordat.reporting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/**
 * A region's open data set as JSON: the same columns as its CSV, each row an object named by them.
 *
 * @param dataset {@code arrangements} or {@code savings}
 * @param columns the column names, in the CSV's order
 * @param rows    an {@link OpenArrangementView} or an {@link OpenSavingView} each
 */
@Serdeable
public record OpenDataView<R>(String dataset, String region, UUID regionId, String licence, String licenceUrl,
                              List<String> columns, List<R> rows) {
}
