package io.concordat.opportunities.domain;

/** Where a collaboration sits on the continuum of partnership working (seed 001). */
public enum CollaborationModel {
    INFORMATION_AND_LEARNING, RECIPROCAL_COVER, BUY_AD_HOC, BUY_UNDER_SLA, JOINT_PROVISION_WITH_HOST, SHARED_POST,
    SHARED_PROPERTY, JOINT_PROCUREMENT
}
