package io.concordat.reporting.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Caller;
import io.concordat.kit.tenancy.Roles;
import io.concordat.reporting.app.AuditTrail;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;

import java.util.List;

/**
 * The audit trail of decisions: a council reads the entries of its own decisions, the platform
 * reads every entry and verifies the chain. The gateway routes {@code /api/v1/audit/} here.
 */
@ProblemAnswers
@Controller("/api/v1/audit")
public class AuditController {

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    /** Whether every entry still has its hash and links to the one before it; the first broken link when not. */
    @Get("/verify")
    @Secured(Roles.PLATFORM_ADMIN)
    public AuditVerificationView verify() {
        return AuditVerificationView.of(trail.verify());
    }

    /** The audit trail's entries of the caller's council's decisions (every entry, for the platform). */
    @Get("/entries")
    @Secured({Roles.AUTHORITY_ADMIN, Roles.AUTHORITY_OFFICER, Roles.PLATFORM_ADMIN})
    public List<AuditEntryView> entries(Caller caller) {
        return trail.entries(caller).stream().map(AuditEntryView::of).toList();
    }
}
