package io.concordat.tenants.api;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.tenants.app.RegionClosures;
import io.micronaut.http.annotation.Body;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;

import java.util.UUID;

/**
 * Closing a region: the platform at once, or a region admin of each member authority agreeing in
 * turn, the region closing with the last of them.
 */
@ProblemAnswers
@Controller("/api/v1/tenants/regions")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class RegionClosureController {

    private final RegionClosures closures;

    public RegionClosureController(RegionClosures closures) {
        this.closures = closures;
    }

    /** Closes the region (platform), or records the caller's authority's agreement to close it (region admin). */
    @Post("/{id}/close")
    @Secured({Roles.REGION_ADMIN, Roles.PLATFORM_ADMIN})
    public RegionClosureView close(Caller caller, @PathVariable UUID id, @Valid @Body SuspendRequest request) {
        return RegionClosureView.of(closures.close(caller, id, request.reason()));
    }

    /** Where the region's closure stands: which members have agreed to close it. */
    @Get("/{id}/closure")
    public RegionClosureView closure(Caller caller, @PathVariable UUID id) {
        return RegionClosureView.of(closures.standing(caller, id));
    }
}
