package net.collab.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record some service could never handle, as it was set aside, and whether it was put back. */
@Entity
@Table(name = "dead_letter")
public class DeadLetter extends PanacheEntityBase {
    @Id
    public UUID id;
    public String topic;
    @Column(name = "topic_partition")
    public int partition;
    @Column(name = "topic_offset")
    public long offset;
    @Column(name = "original_topic")
    public String originalTopic;
    public String consumer;
    public String reason;
    @Column(name = "event_type")
    public String eventType;
    @Column(name = "record_key")
    public String key;
    @Column(name = "record_value")
    public String value;
    /** JSON object: header name to value. */
    public String headers;
    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
    @Column(name = "replayed_at")
    public OffsetDateTime replayedAt;
    public int replays;
}
