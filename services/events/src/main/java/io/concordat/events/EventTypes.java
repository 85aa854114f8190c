package io.concordat.events;

import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.events.tenants.v1.AuthorityApproved;
import io.concordat.events.tenants.v1.AuthorityRegistered;
import io.concordat.events.tenants.v1.AuthoritySuspended;
import io.concordat.events.tenants.v1.AuthorityUpdated;
import io.concordat.events.tenants.v1.MembershipApproved;
import io.concordat.events.tenants.v1.MembershipDeclined;
import io.concordat.events.tenants.v1.MembershipEnded;
import io.concordat.events.tenants.v1.MembershipRequested;
import io.concordat.events.tenants.v1.RegionBoardDescribed;
import io.concordat.events.tenants.v1.RegionCreated;

import java.util.List;
import java.util.Optional;

/** Every event type the platform publishes. */
public final class EventTypes {

    public static final EventType<AuthorityRegistered> AUTHORITY_REGISTERED =
            new EventType<>("io.concordat.authority.registered.v1", AuthorityRegistered.class, Topics.TENANTS);

    public static final EventType<RegionCreated> REGION_CREATED =
            new EventType<>("io.concordat.region.created.v1", RegionCreated.class, Topics.TENANTS);

    public static final EventType<AuthorityApproved> AUTHORITY_APPROVED =
            new EventType<>("io.concordat.authority.approved.v1", AuthorityApproved.class, Topics.TENANTS);

    public static final EventType<AuthoritySuspended> AUTHORITY_SUSPENDED =
            new EventType<>("io.concordat.authority.suspended.v1", AuthoritySuspended.class, Topics.TENANTS);

    public static final EventType<AuthorityUpdated> AUTHORITY_UPDATED =
            new EventType<>("io.concordat.authority.updated.v1", AuthorityUpdated.class, Topics.TENANTS);

    public static final EventType<RegionBoardDescribed> REGION_BOARD_DESCRIBED =
            new EventType<>("io.concordat.region.board-described.v1", RegionBoardDescribed.class, Topics.TENANTS);

    public static final EventType<MembershipRequested> MEMBERSHIP_REQUESTED =
            new EventType<>("io.concordat.membership.requested.v1", MembershipRequested.class, Topics.TENANTS);

    public static final EventType<MembershipApproved> MEMBERSHIP_APPROVED =
            new EventType<>("io.concordat.membership.approved.v1", MembershipApproved.class, Topics.TENANTS);

    public static final EventType<MembershipDeclined> MEMBERSHIP_DECLINED =
            new EventType<>("io.concordat.membership.declined.v1", MembershipDeclined.class, Topics.TENANTS);

    public static final EventType<MembershipEnded> MEMBERSHIP_ENDED =
            new EventType<>("io.concordat.membership.ended.v1", MembershipEnded.class, Topics.TENANTS);

    public static final EventType<OpportunityProposed> OPPORTUNITY_PROPOSED =
            new EventType<>("io.concordat.opportunity.proposed.v1", OpportunityProposed.class, Topics.OPPORTUNITIES);

    public static final List<EventType<?>> ALL = List.of(AUTHORITY_REGISTERED, AUTHORITY_APPROVED,
            AUTHORITY_SUSPENDED, AUTHORITY_UPDATED, REGION_CREATED, REGION_BOARD_DESCRIBED, MEMBERSHIP_REQUESTED,
            MEMBERSHIP_APPROVED, MEMBERSHIP_DECLINED, MEMBERSHIP_ENDED, OPPORTUNITY_PROPOSED);

    private EventTypes() {
    }

    public static Optional<EventType<?>> byType(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
