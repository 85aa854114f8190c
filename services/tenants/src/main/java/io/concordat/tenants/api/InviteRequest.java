package io.concordat.tenants.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * A person a council invites to sign in for it.
 *
 * @param roles the council's roles they start with (authority-officer, authority-admin, board-member,
 *              regional-viewer); authority-officer when none are named
 */
@Serdeable
@Schema(examples = "{\"email\":\"sam.patel@rushcliffe.gov.uk\",\"firstName\":\"Sam\",\"lastName\":\"Patel\",\"roles\":[\"authority-officer\"]}")
public record InviteRequest(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String firstName,
                            @NotBlank @Size(max = 100) String lastName,
                            @Nullable @Size(max = 10) List<@Size(max = 40) String> roles) {
}
