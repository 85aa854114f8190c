package io.concordat.portal.web;

import io.concordat.events.ServiceArea;

import java.util.Arrays;
import java.util.List;

/**
 * The values the services accept for each choice on a form; their words are in the messages
 * bundle under the same names.
 */
final class Choices {

    static final List<String> STAGES = List.of("IDEA", "IN_PRINCIPLE", "OUTLINE_BUSINESS_CASE", "FULL_BUSINESS_CASE",
            "BOARD_RECOMMENDATION", "DECIDED", "IMPLEMENTING", "LIVE", "ON_HOLD", "REJECTED", "WITHDRAWN");
    static final List<String> MODELS = List.of("INFORMATION_AND_LEARNING", "RECIPROCAL_COVER", "BUY_AD_HOC",
            "BUY_UNDER_SLA", "JOINT_PROVISION_WITH_HOST", "SHARED_POST", "SHARED_PROPERTY", "JOINT_PROCUREMENT");
    static final List<String> HORIZONS = List.of("QUICK_WIN", "MEDIUM_TERM", "LONG_TERM");
    static final List<String> PROPOSER_ROLES = List.of("PROPOSER", "PROSPECTIVE_HOST", "PROSPECTIVE_RECIPIENT");
    static final List<String> JOIN_ROLES = List.of("PROSPECTIVE_HOST", "PROSPECTIVE_RECIPIENT", "INTERESTED");
    static final List<String> JOIN_STATUSES = List.of("COMMITTED", "INTERESTED");
    static final List<String> OUTCOMES = List.of("APPROVE", "REJECT", "DEFER");
    static final List<String> BODIES = List.of("CABINET", "EXECUTIVE", "FULL_COUNCIL", "COMMITTEE", "OFFICER_DELEGATED");
    static final List<String> SPLITS = List.of("EQUAL", "BY_SHARE");
    static final List<String> RISK_CATEGORIES = List.of("STRATEGY", "REPUTATION", "REGULATORY_LEGAL", "FINANCIAL",
            "OPERATIONAL", "PEOPLE", "INFORMATION", "OTHER");
    static final List<String> AREAS = Arrays.stream(ServiceArea.values()).map(ServiceArea::code).toList();

    private Choices() {
    }
}
