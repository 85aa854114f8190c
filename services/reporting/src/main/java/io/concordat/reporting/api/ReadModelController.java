package io.concordat.reporting.api;

import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Roles;
import io.concordat.reporting.app.ReadModels;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.concordat.kit.apidocs.ProblemAnswers;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;

/**
 * The read models' state for platform admins: the last build, whether a rebuild is under way,
 * and a fingerprint (row count and digest) of every table; and a rebuild from offset 0.
 */
@ProblemAnswers
@Controller("/api/v1/reporting/read-models")
@Secured(Roles.PLATFORM_ADMIN)
public class ReadModelController {

    private final ReadModels readModels;

    public ReadModelController(ReadModels readModels) {
        this.readModels = readModels;
    }

    /** How far each read model has caught up with the events it is built from. */
    @Get
    public ReadModelsView status() {
        return ReadModelsView.of(readModels.status());
    }

    /**
     * Starts a rebuild and answers at once, without fingerprinting the tables (that reads every
     * row); {@code GET} on the read models shows when it has caught up.
     */
    @Post("/rebuild")
    @Status(HttpStatus.ACCEPTED)
    public HttpResponse<?> rebuild() {
        try {
            readModels.rebuild();
        } catch (IllegalStateException underWay) {
            throw ProblemException.conflict("rebuild-under-way", "A rebuild is already under way.");
        }
        return HttpResponse.accepted(java.net.URI.create("/api/v1/reporting/read-models"));
    }
}
