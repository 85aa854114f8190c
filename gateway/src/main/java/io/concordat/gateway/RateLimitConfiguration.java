package io.concordat.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * How many API requests a caller may make in each period: every caller (a person or a partner
 * system, by its token's subject) within its own allowance, and all the callers of one authority
 * together within the authority's; a platform administrator, who acts for no authority, has a
 * larger allowance of their own. Each allowance refills evenly over the period.
 */
@ConfigurationProperties("concordat.gateway.rate-limits")
public class RateLimitConfiguration {

    private boolean enabled = true;
    private Duration period = Duration.ofMinutes(1);
    private long authority = 1200;
    private long client = 600;
    private long platformAdmin = 6000;

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getPeriod() {
        return period;
    }

    public void setPeriod(Duration period) {
        this.period = period;
    }

    /** Requests per period for all the callers of one authority together. */
    public long getAuthority() {
        return authority;
    }

    public void setAuthority(long authority) {
        this.authority = authority;
    }

    /** Requests per period for one caller. */
    public long getClient() {
        return client;
    }

    public void setClient(long client) {
        this.client = client;
    }

    /** Requests per period for one platform administrator. */
    public long getPlatformAdmin() {
        return platformAdmin;
    }

    public void setPlatformAdmin(long platformAdmin) {
        this.platformAdmin = platformAdmin;
    }
}
