package io.concordat.kit.inbox;

import io.concordat.events.EventEnvelope;
import io.concordat.events.EventTypes;
import io.concordat.events.MalformedEventException;
import io.concordat.events.Topics;
import io.concordat.events.opportunities.v1.VacancyPosted;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.concordat.kit.inbox.InboxFixtures.CODEC;
import static io.concordat.kit.inbox.InboxFixtures.vacancy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriptionsTest {

    @Test
    void aSubscriberReceivesItsTypesPayloadDecoded() {
        List<VacancyPosted> seen = new ArrayList<>();
        Subscriptions subscriptions = new Subscriptions(CODEC).event(EventTypes.VACANCY_POSTED, (v, e) -> seen.add(v));
        subscriptions.apply(Topics.OPPORTUNITIES, vacancy("Elections Manager"));
        assertEquals("Elections Manager", seen.get(0).title());
    }

    @Test
    void theTopicsReadAreThoseOfTheSubscribedTypes() {
        Subscriptions subscriptions = new Subscriptions(CODEC)
                .event(EventTypes.VACANCY_POSTED, (v, e) -> { })
                .event(EventTypes.ARRANGEMENT_AGREED, (a, e) -> { });
        assertEquals(Set.of(Topics.OPPORTUNITIES, Topics.HOSTING), subscriptions.topics());
    }

    @Test
    void anEventNobodySubscribedToDoesNothing() {
        List<Object> seen = new ArrayList<>();
        Subscriptions subscriptions = new Subscriptions(CODEC).event(EventTypes.VACANCY_CLOSED, (v, e) -> seen.add(v));
        subscriptions.apply(Topics.OPPORTUNITIES, vacancy("Payroll Officer"));
        assertTrue(seen.isEmpty());
    }

    @Test
    void aBodyThatIsNotTheTypesRecordIsUndecodable() {
        EventEnvelope good = vacancy("Elections Manager");
        EventEnvelope broken = new EventEnvelope(good.id(), good.source(), good.type(), good.time(), good.subject(),
                good.authorityId(), good.regionIds(), "[1,2".getBytes(StandardCharsets.UTF_8));
        Subscriptions subscriptions = new Subscriptions(CODEC).event(EventTypes.VACANCY_POSTED, (v, e) -> { });
        assertThrows(MalformedEventException.class, () -> subscriptions.apply(Topics.OPPORTUNITIES, broken));
    }

    @Test
    void aWholeTopicHandlerTakesEveryEventOfItsTopics() {
        List<String> logged = new ArrayList<>();
        Subscriptions subscriptions = Subscriptions.of(CODEC, List.of(), List.of(new EventHandler() {
            @Override
            public Set<String> topics() {
                return Set.of(Topics.OPPORTUNITIES);
            }

            @Override
            public void handle(EventEnvelope event, String topic) {
                logged.add(event.type());
            }
        }));
        subscriptions.apply(Topics.OPPORTUNITIES, vacancy("Elections Manager"));
        assertEquals(List.of(EventTypes.VACANCY_POSTED.type()), logged);
    }

    @Test
    void aHandlerThatWantsFewTypesIsNotHandedTheOthersNorIsTheTenantSetForThem() {
        List<String> logged = new ArrayList<>();
        List<String> scopes = new ArrayList<>();
        Subscriptions subscriptions = Subscriptions.of(CODEC, List.of(), List.of(new EventHandler() {
            @Override
            public Set<String> topics() {
                return Set.of(Topics.OPPORTUNITIES);
            }

            @Override
            public boolean wants(String type) {
                return type.equals(EventTypes.VACANCY_CLOSED.type());
            }

            @Override
            public void handle(EventEnvelope event, String topic) {
                logged.add(event.type());
            }
        }));
        subscriptions.apply(Topics.OPPORTUNITIES, vacancy("Payroll Officer"), new Subscriptions.Scope() {
            @Override
            public void platform() {
                scopes.add("platform");
            }

            @Override
            public void authority() {
                scopes.add("authority");
            }
        });
        assertTrue(logged.isEmpty(), "a vacancy posted is not a type it wants");
        assertTrue(scopes.isEmpty(), "so no tenant is set for it");
    }
}
