package net.collab.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.messaging.DeadLetters;
import net.collab.notification.domain.DeadLetter;
import net.collab.notification.domain.DeadLetterLog;

/**
 * Reads every service's dead-letter topics (the pattern {@code .*\.dlq}, new ones found within
 * seconds) into the coordinator's list, and puts a letter back on its topic when asked. A letter is
 * kept once per record of its topic, so reading a batch again keeps nothing twice.
 */
@ApplicationScoped
public class DeadLetterCollector implements DeadLetterLog.Replayer {

    @Inject
    DeadLetterLog log;

    @Inject
    DeadLetters deadLetters;

    @Incoming("dead-letters")
    @Blocking
    public void onDeadLetters(ConsumerRecords<String, String> records) {
        for (ConsumerRecord<String, String> record : records) {
            Map<String, String> headers = new LinkedHashMap<>();
            for (Header header : record.headers()) {
                headers.put(header.key(), header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
            }
            DeadLetterLog.Letter letter = new DeadLetterLog.Letter(record.topic(), record.partition(), record.offset(), record.key(),
                    record.value(), headers);
            // Nothing in a letter can make keeping it fail for good (Letter makes its text keepable): a failure
            // is the database's, and passes.
            PatientWrites.run("keeping dead letter " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                    () -> log.keep(letter));
        }
    }

    @Override
    public void replay(DeadLetter letter, Map<String, String> headers) throws Exception {
        RecordHeaders kafkaHeaders = new RecordHeaders();
        headers.forEach((name, value) -> kafkaHeaders.add(name, value.getBytes(StandardCharsets.UTF_8)));
        deadLetters.replay(letter.originalTopic, letter.key.isEmpty() ? null : letter.key, letter.value, kafkaHeaders);
    }
}
