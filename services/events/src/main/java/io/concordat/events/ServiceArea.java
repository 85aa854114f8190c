package io.concordat.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The service areas councils share, with stable codes: the themes used across a region (Clyde
 * Valley) and, within support services, the usual candidates for sharing. Events carry the code;
 * a code's theme is its first part ({@code support.elections} is in {@code support}).
 */
public enum ServiceArea {
    ENVIRONMENT("environment", "Environment"),
    ECONOMY("economy", "Economy"),
    EDUCATION("education", "Education"),
    CULTURE_AND_SPORT("culture-and-sport", "Culture and Sport"),
    SOCIAL_CARE("social-care", "Social Care"),
    PARTNERSHIP_WORKING("partnership-working", "Partnership Working"),
    SUPPORT_SERVICES("support", "Support Services"),
    HR("support.hr", "Human resources"),
    FINANCE("support.finance", "Finance"),
    AUDIT("support.audit", "Internal audit"),
    EXCHEQUER("support.exchequer", "Exchequer: revenues and benefits"),
    PROCUREMENT("support.procurement", "Procurement"),
    PAYROLL("support.payroll", "Payroll"),
    LEGAL("support.legal", "Legal services"),
    ICT("support.ict", "ICT"),
    PROPERTY("support.property", "Property and asset management"),
    ELECTIONS("support.elections", "Elections and electoral registration"),
    COMMUNITY_SAFETY("support.community-safety", "Community safety"),
    HEALTH_AND_SAFETY("support.health-and-safety", "Health and safety"),
    LEADERSHIP("support.leadership", "Senior leadership and shared posts");

    private final String code;
    private final String title;

    ServiceArea(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    /** The theme this area belongs to: itself for a theme, Support Services for {@code support.*}. */
    public ServiceArea theme() {
        int dot = code.indexOf('.');
        return dot < 0 ? this : byCode(code.substring(0, dot)).orElseThrow();
    }

    public static Optional<ServiceArea> byCode(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
