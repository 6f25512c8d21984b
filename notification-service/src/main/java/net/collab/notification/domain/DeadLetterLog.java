package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import net.collab.domain.Slice;

/** Every service's dead letters for the coordinator: kept once each, told to the coordinators, put back on request. */
@ApplicationScoped
public class DeadLetterLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager entityManager;

    @Inject
    Notifier notifier;

    /** Puts a dead letter back on its topic; implemented over Kafka (messaging). */
    public interface Replayer {
        void replay(DeadLetter letter, Map<String, String> headers) throws Exception;
    }

    /**
     * A dead letter as read from its topic. PostgreSQL's text holds no NUL character, and a poison
     * message may carry any bytes: each NUL is kept as U+FFFD, as bytes that are not UTF-8 already
     * are when the record is read as text (so a letter can always be kept and shown; replaying a
     * poison message would fail again anyway).
     */
    public record Letter(String topic, int partition, long offset, String key, String value, Map<String, String> headers) {
        public Letter {
            key = keepable(key);
            value = keepable(value);
            Map<String, String> keptHeaders = new java.util.LinkedHashMap<>();
            headers.forEach((name, text) -> keptHeaders.put(keepable(name), keepable(text)));
            headers = keptHeaders;
        }

        private static String keepable(String text) {
            return text == null ? null : text.replace('\u0000', '\uFFFD');
        }
    }

    /** Keeps the letter (once: read again, nothing new) and tells the coordinators. */
    @Transactional
    public void keep(Letter letter) {
        UUID id = UUID.randomUUID();
        String headers;
        try {
            headers = JSON.writeValueAsString(letter.headers());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        int kept = entityManager.createNativeQuery("""
                insert into dead_letter (id, topic, topic_partition, topic_offset, original_topic, consumer, reason, event_type,
                    record_key, record_value, headers, received_at)
                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
                on conflict (topic, topic_partition, topic_offset) do nothing""")
                .setParameter(1, id).setParameter(2, letter.topic()).setParameter(3, letter.partition()).setParameter(4, letter.offset())
                .setParameter(5, atMost255(letter.headers().getOrDefault("dead-letter-topic", "")))
                .setParameter(6, atMost255(letter.headers().getOrDefault("dead-letter-consumer", "")))
                .setParameter(7, letter.headers().getOrDefault("dead-letter-reason", ""))
                .setParameter(8, atMost255(letter.headers().getOrDefault("ce_type", "")))
                .setParameter(9, letter.key() == null ? "" : letter.key()).setParameter(10, letter.value() == null ? "" : letter.value())
                .setParameter(11, headers).setParameter(12, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        if (kept > 0) {
            notifier.deadLetter(id, letter.topic(), letter.headers().getOrDefault("dead-letter-topic", "?"),
                    letter.headers().getOrDefault("ce_type", "?"), letter.headers().getOrDefault("dead-letter-reason", "?"));
        }
    }

    /** The columns a header fills are 255 characters wide; a poison header may be longer (all of it is in {@code headers}). */
    private static String atMost255(String text) {
        return text.length() <= 255 ? text : text.substring(0, 254) + "…";
    }

    @Transactional
    public Slice<DeadLetter> list(boolean onlyNotReplayed, int page, int size) {
        var query = onlyNotReplayed ? DeadLetter.<DeadLetter>find("replayedAt is null order by receivedAt desc, id")
                : DeadLetter.<DeadLetter>find("order by receivedAt desc, id");
        return new Slice<>(query.page(page, size).list(), query.count());
    }

    /** Puts the letter back on the topic it came from and records it. @return empty if there is no such letter */
    @Transactional
    public Optional<DeadLetter> replay(UUID id, Replayer replayer) throws Exception {
        DeadLetter letter = DeadLetter.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (letter == null) {
            return Optional.empty();
        }
        if (letter.originalTopic == null || letter.originalTopic.isBlank()) {
            throw net.collab.domain.Refusal.conflict("dead letter " + id + " does not say which topic it came from");
        }
        Map<String, String> headers = JSON.readValue(letter.headers, new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {
        });
        replayer.replay(letter, headers);
        letter.replays++;
        letter.replayedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return Optional.of(letter);
    }
}
