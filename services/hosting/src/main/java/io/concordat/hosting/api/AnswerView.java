package io.concordat.hosting.api;

import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** A council's answer to being asked to take part: ACCEPTED or DECLINED. */
@Serdeable
public record AnswerView(UUID arrangementId, UUID authorityId, String answer) {
}
