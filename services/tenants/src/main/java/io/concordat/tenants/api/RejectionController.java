package io.concordat.tenants.api;

import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.tenants.app.Rejections;
import io.micronaut.http.annotation.Body;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import jakarta.validation.Valid;

import java.util.UUID;

/** The platform turning down a pending registration. */
@ProblemAnswers
@Controller("/api/v1/tenants/authorities")
@Secured(Roles.PLATFORM_ADMIN)
public class RejectionController {

    private final Rejections rejections;

    public RejectionController(Rejections rejections) {
        this.rejections = rejections;
    }

    /** Rejects a pending registration, keeping it with the reason; 409 for one that is not pending. */
    @Post("/{id}/reject")
    public RejectionView reject(Caller caller, @PathVariable UUID id, @Valid @Body SuspendRequest request) {
        return RejectionView.of(rejections.reject(caller, id, request.reason()));
    }
}
