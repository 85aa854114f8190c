package io.concordat.reporting.messaging;

import io.concordat.reporting.app.AuditTrail;
import io.micronaut.context.annotation.Requires;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Publishes yesterday's anchor shortly after each UTC midnight, and again every hour in case the
 * service was down at midnight: a day is anchored once.
 */
@Singleton
@Requires(property = "concordat.audit.anchoring.enabled", notEquals = "false")
public class AuditAnchoring {

    private final AuditTrail trail;

    public AuditAnchoring(AuditTrail trail) {
        this.trail = trail;
    }

    @Scheduled(cron = "0 5 * * * *", zoneId = "UTC")
    void anchorYesterday() {
        trail.anchor(LocalDate.now(ZoneOffset.UTC).minusDays(1));
    }
}
