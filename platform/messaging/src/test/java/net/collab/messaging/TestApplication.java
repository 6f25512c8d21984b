package net.collab.messaging;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.Vocabulary.ResourceCategory;
import net.collab.events.Vocabulary.Urgency;
import net.collab.events.action.NeedEvent;
import net.collab.events.action.NeedPosted;

/** A minimal service using the library as a real one does: a state change with its event, and a consumer. */
@ApplicationScoped
public class TestApplication {

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Transactional
    public void createWidgetWithEvent(UUID id) {
        entityManager.createNativeQuery("insert into test_widget (id) values (?1)").setParameter(1, id).executeUpdate();
        outbox.publish(need(id));
    }

    /** As {@link #createWidgetWithEvent(UUID)}, with an event whose description (target group) is {@code text}. */
    @Transactional
    public void createWidgetWithEvent(UUID id, String text) {
        entityManager.createNativeQuery("insert into test_widget (id) values (?1)").setParameter(1, id).executeUpdate();
        NeedPosted need = need(id);
        outbox.publish(new NeedPosted(need.needId(), need.organizationId(), need.category(), need.item(), need.quantity(),
                need.unit(), need.urgency(), need.areaCode(), text, need.deadline(), need.postedAt()));
    }

    @Transactional
    public void createWidgetWithEventThenFail(UUID id) {
        createWidgetWithEvent(id);
        throw new IllegalStateException("the business rule failed after the event was written");
    }

    @Incoming("needs-test")
    @Blocking
    public void onNeedEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("needs-test", "needs-test", records, NeedEvent.class, (envelope, data) -> {
            entityManager.createNativeQuery("insert into test_effect (event_id, need_id) values (?1, ?2)")
                    .setParameter(1, envelope.id())
                    .setParameter(2, UUID.fromString(data.aggregateId()))
                    .executeUpdate();
            if (data instanceof NeedPosted posted && posted.item().equals(BROKEN)) {
                throw new IllegalStateException("this need can never be handled");
            }
            if (data instanceof NeedPosted posted && posted.item().equals(CONTENDED)
                    && attempts.computeIfAbsent(posted.needId(), id -> new AtomicInteger()).incrementAndGet() <= 7) {
                throw new PersistenceException(new SQLException("could not serialize access", "40001"));
            }
            if (data instanceof NeedPosted posted && posted.item().equals(FLAKY)
                    && attempts.computeIfAbsent(posted.needId(), id -> new AtomicInteger()).incrementAndGet() < 3) {
                throw new IllegalStateException("transient failure, as when the database restarts");
            }
        });
    }

    /** A need with this item loses a serialization race 7 times (more than max-attempts) before it succeeds. */
    static final String CONTENDED = "contended";
    /** A need with this item fails every time. */
    static final String BROKEN = "broken";
    /** A need with this item fails twice before it succeeds. */
    static final String FLAKY = "flaky";
    static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    static NeedPosted need(UUID id) {
        return new NeedPosted(id, UUID.randomUUID(), ResourceCategory.SUPPLIES, "口罩", new BigDecimal("500"), "只",
                Urgency.HIGH, "110108010009", "孤寡老人", null, OffsetDateTime.now());
    }
}
