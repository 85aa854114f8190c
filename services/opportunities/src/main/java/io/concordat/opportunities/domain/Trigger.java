package io.concordat.opportunities.domain;

/** What prompted an opportunity: often a vacancy (seeds 000 and 002). */
public enum Trigger {
    VACANCY, RECRUITMENT_DIFFICULTY, CONTRACT_END, SAVINGS_TARGET, RESILIENCE_RISK, EXTERNAL_PROGRAMME
}
