package io.concordat.devstack;

import java.util.List;

/**
 * A service module the devstack runs as its own process.
 *
 * @param name      its name in URLs ({@code /api/v1/<name>/...}) and logs
 * @param module    its folder, from the repository root
 * @param mainClass its entry point
 * @param database  its own database, or null when it keeps no data
 */
record Service(String name, String module, String mainClass, String database) {

    static final List<Service> ALL = List.of(
            new Service("tenants", "services/tenants", "io.concordat.tenants.Application", "tenants"),
            new Service("opportunities", "services/opportunities", "io.concordat.opportunities.Application", "opportunities"),
            new Service("hosting", "services/hosting", "io.concordat.hosting.Application", "hosting"),
            new Service("reporting", "services/reporting", "io.concordat.reporting.Application", "reporting"),
            new Service("partner-events", "services/partner-events", "io.concordat.partnerevents.Application", "partner_events"),
            new Service("portal", "services/portal", "io.concordat.portal.Application", null));

    /** Its database holds the rate limits' buckets. */
    static final Service GATEWAY = new Service("gateway", "gateway", "io.concordat.gateway.Application", "gateway");
}
