package io.concordat.opportunities.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.tenants.v1.RegionBoardDescribed;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.opportunities.store.CollaborationStore;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Keeps each region's board (size and rule) from the tenants topic, to evaluate recommendations here. */
@Singleton
public class RegionBoards implements EventHandler {

    private final CollaborationStore store;
    private final EventCodec codec;

    public RegionBoards(CollaborationStore store, JsonMapper json) {
        this.store = store;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.TENANTS);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        if (EventTypes.REGION_BOARD_DESCRIBED.type().equals(event.type())) {
            RegionBoardDescribed board = codec.decode(event, EventTypes.REGION_BOARD_DESCRIBED);
            store.describeBoard(board.regionId(), board.membersPerAuthority(), board.rule(), board.minimumFromEach());
        }
    }
}
