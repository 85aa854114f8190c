package io.concordat.hosting.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A proposal that another body host the service from a day; it takes effect only when that body accepts. */
public record HostTransfer(UUID id, UUID fromAuthorityId, UUID toAuthorityId, LocalDate effectiveOn, Consent answer) {

    public HostTransfer answered(Consent consent) {
        return new HostTransfer(id, fromAuthorityId, toAuthorityId, effectiveOn, consent);
    }
}
