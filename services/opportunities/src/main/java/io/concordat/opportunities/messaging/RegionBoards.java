package io.concordat.opportunities.messaging;

import io.concordat.events.EventTypes;
import io.concordat.kit.inbox.EventSubscriber;
import io.concordat.kit.inbox.Subscriptions;
import io.concordat.opportunities.store.CollaborationStore;
import jakarta.inject.Singleton;


/** Keeps each region's board (size and rule) from the tenants topic, to evaluate recommendations here. */
@Singleton
public class RegionBoards implements EventSubscriber {

    private final CollaborationStore store;

    public RegionBoards(CollaborationStore store) {
        this.store = store;
    }

    @Override
    public void subscribe(Subscriptions on) {
        on.event(EventTypes.REGION_BOARD_DESCRIBED, (board, event) ->
                store.describeBoard(board.regionId(), board.membersPerAuthority(), board.rule(), board.minimumFromEach()));
    }
}
