package io.concordat.kit.inbox;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.problem.ProblemException;
import io.concordat.kit.tenancy.Roles;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;

import java.util.List;

/**
 * Every consuming service's dead letters, for platform admins: the list (what, from where, why),
 * and a re-drive of one, applied again as the consumer would. A re-drive that fails again is 422
 * with the reason, and the record stays where it is.
 */
@Controller("/api/v1/${micronaut.application.name}/dead-letters")
@Secured(Roles.PLATFORM_ADMIN)
@Requires(bean = DeadLetterArchive.class)
@ProblemAnswers
public class DeadLetterController {

    private final DeadLetterArchive archive;

    public DeadLetterController(DeadLetterArchive archive) {
        this.archive = archive;
    }

    /** Lists this service's dead letters: each event, where it was read from, and why it was set aside. */
    @Operation(summary = "Lists this service's dead letters: each event, where it was read from, and why it was set aside.")
    @Get
    public List<DeadLetterArchive.Entry> list() {
        return archive.list();
    }

    /** Re-drives the dead letter at {@code offset} of partition {@code partition} of dead-letter topic {@code topic}. */
    @Operation(summary = "Applies a dead letter again, as the consumer would; 422 with the reason when it fails again.")
    @Post("/{topic}/{partition}/{offset}/redrive")
    public DeadLetterArchive.Redrive redrive(String topic, int partition, long offset) {
        DeadLetterArchive.Redrive done = archive.redrive(topic, partition, offset)
                .orElseThrow(() -> ProblemException.notFound("dead-letter-not-found",
                        "There is no dead letter of this service at " + topic + "/" + partition + "@" + offset + "."));
        if (done.outcome() == DeadLetterArchive.Outcome.FAILED) {
            throw ProblemException.unprocessable("redrive-failed", "The event failed again (" + done.reason() + ").");
        }
        return done;
    }
}
