package io.concordat.reporting.messaging;

import io.concordat.events.EventCodec;
import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.OpportunityProposed;
import io.concordat.kit.inbox.EventHandler;
import io.concordat.reporting.store.PipelineStore;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.util.Set;

/** Builds the pipeline read model from the opportunities topic. */
@Singleton
public class PipelineProjection implements EventHandler {

    private final PipelineStore pipeline;
    private final EventCodec codec;

    public PipelineProjection(PipelineStore pipeline, JsonMapper json) {
        this.pipeline = pipeline;
        this.codec = new EventCodec(json);
    }

    @Override
    public Set<String> topics() {
        return Set.of(Topics.OPPORTUNITIES);
    }

    @Override
    public void handle(EventEnvelope event, String topic) {
        if (EventTypes.OPPORTUNITY_PROPOSED.type().equals(event.type())) {
            OpportunityProposed proposed = codec.decode(event, EventTypes.OPPORTUNITY_PROPOSED);
            pipeline.recordProposed(proposed.opportunityId(), proposed.authorityId(), proposed.title(),
                    proposed.serviceArea(), "IDEA", proposed.proposedAt(), event.time().toInstant());
        }
    }
}
