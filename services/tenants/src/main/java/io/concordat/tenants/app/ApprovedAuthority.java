package io.concordat.tenants.app;

import io.concordat.kit.problem.ProblemException;
import io.concordat.tenants.domain.AuthorityStatus;
import io.concordat.tenants.store.AuthorityRepository;
import io.concordat.tenants.store.AuthorityRow;

import java.util.UUID;

/** An authority whose people and sign-in are managed: approved, with its organization in the identity provider. */
final class ApprovedAuthority {

    private ApprovedAuthority() {
    }

    /**
     * The authority, or 404 when there is none and 409 when it is not approved.
     *
     * @param onlyIt what only an approved authority has, ending the refusal's sentence ("has identity providers")
     */
    static AuthorityRow require(AuthorityRepository authorities, UUID authorityId, String onlyIt) {
        AuthorityRow authority = authorities.findById(authorityId).orElseThrow(() -> ProblemException.notFound(
                "authority-not-found", "No authority " + authorityId + "."));
        if (AuthorityStatus.valueOf(authority.status()) != AuthorityStatus.APPROVED || authority.organizationId() == null) {
            throw ProblemException.conflict("authority-not-approved", "Only an approved authority " + onlyIt + ".");
        }
        return authority;
    }
}
