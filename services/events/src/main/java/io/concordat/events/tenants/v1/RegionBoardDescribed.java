package io.concordat.events.tenants.v1;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/**
 * A region's board was described: how many councillors each member authority sends and the rule
 * by which the board recommends.
 *
 * @param membersPerAuthority councillors from each authority, e.g. 3
 * @param rule                CONSENSUS, CONSENSUS_ELSE_MINIMUM_FROM_EACH or SIMPLE_MAJORITY
 * @param minimumFromEach     with CONSENSUS_ELSE_MINIMUM_FROM_EACH: supporters needed from every authority, e.g. 2
 */
@Serdeable
public record RegionBoardDescribed(UUID regionId, int membersPerAuthority, String rule, @Nullable Integer minimumFromEach,
                                   Instant describedAt) {
}
