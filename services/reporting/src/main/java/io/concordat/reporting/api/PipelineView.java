package io.concordat.reporting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;
import java.util.UUID;

/**
 * An authority's pipeline of opportunities.
 *
 * @param total         how many opportunities it has proposed
 * @param byStage       how many stand at each stage
 * @param byServiceArea how many there are in each service area
 */
@Serdeable
public record PipelineView(UUID authorityId, long total, Map<String, Long> byStage, Map<String, Long> byServiceArea) {
}
