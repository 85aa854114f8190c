package io.concordat.kit.inbox;

import io.concordat.events.EventEnvelope;

/** An event as it was read: from which topic, partition and offset. */
public record Delivered(String topic, int partition, long offset, EventEnvelope event) {

    public String origin() {
        return topic + "/" + partition + "@" + offset;
    }
}
