package io.concordat.tenants.api;

import io.concordat.kit.apidocs.ProblemAnswers;
import io.concordat.kit.tenancy.Caller;
import io.concordat.tenants.app.Staff;
import io.concordat.tenants.domain.Invitation;
import io.concordat.tenants.provisioning.StaffDirectory;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * A council's people and their roles. Its admins invite, list, give and take roles and remove
 * leavers; a region admin gives region-admin and regional-viewer for a region ({@code ?regionId=})
 * to staff of its member councils; the platform does all of it.
 */
@ProblemAnswers
@Controller("/api/v1/tenants/authorities/{id}/staff")
@Secured(SecurityRule.IS_AUTHENTICATED)
public class StaffController {

    private final Staff staff;

    public StaffController(Staff staff) {
        this.staff = staff;
    }

    /** Invites a person by email to the council, with the roles given. */
    @Post
    @Status(HttpStatus.CREATED)
    public HttpResponse<InvitationView> invite(Caller caller, @PathVariable UUID id, @Valid @Body InviteRequest request) {
        StaffDirectory.Invited invited = staff.invite(caller, id,
                Invitation.of(request.email(), request.firstName(), request.lastName(), request.roles()));
        return HttpResponse.created(new InvitationView(PersonView.of(invited.person()), invited.initialPassword().orElse(null)),
                URI.create("/api/v1/tenants/authorities/" + id + "/staff/" + invited.person().userId()));
    }

    /** Lists the council's people with their roles. */
    @Get
    public List<PersonView> people(Caller caller, @PathVariable UUID id) {
        return staff.people(caller, id).stream().map(PersonView::of).toList();
    }

    /** Gives a person of the council a role (a regional role for a region, with regionId). */
    @Put("/{userId}/roles/{role}")
    public PersonView grant(Caller caller, @PathVariable UUID id, @PathVariable UUID userId,
                            @PathVariable @Size(max = 40) String role, @QueryValue @Nullable UUID regionId) {
        return PersonView.of(staff.grant(caller, id, userId.toString(), role, regionId));
    }

    /** Takes a role from a person of the council. */
    @Delete("/{userId}/roles/{role}")
    public PersonView revoke(Caller caller, @PathVariable UUID id, @PathVariable UUID userId,
                             @PathVariable @Size(max = 40) String role, @QueryValue @Nullable UUID regionId) {
        return PersonView.of(staff.revoke(caller, id, userId.toString(), role, regionId));
    }

    /** Removes a leaver from the council and signs them out everywhere. */
    @Delete("/{userId}")
    @Status(HttpStatus.NO_CONTENT)
    public HttpResponse<Void> remove(Caller caller, @PathVariable UUID id, @PathVariable UUID userId) {
        staff.remove(caller, id, userId.toString());
        return HttpResponse.noContent();
    }
}
