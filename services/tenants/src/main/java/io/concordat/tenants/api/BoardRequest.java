package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

/**
 * A region's board.
 *
 * @param membersPerAuthority councillors from each member authority, 1 to 20
 * @param rule                CONSENSUS, CONSENSUS_ELSE_MINIMUM_FROM_EACH or SIMPLE_MAJORITY
 * @param minimumFromEach     with CONSENSUS_ELSE_MINIMUM_FROM_EACH: supporters needed from each authority
 */
@Serdeable
@Schema(examples = "{\"membersPerAuthority\":3,\"rule\":\"CONSENSUS_ELSE_MINIMUM_FROM_EACH\",\"minimumFromEach\":2}")
public record BoardRequest(int membersPerAuthority, @NotBlank String rule, @Nullable Integer minimumFromEach) {
}
