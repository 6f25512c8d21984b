package net.collab.console.messaging;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import net.collab.console.domain.FlowMonitor;
import net.collab.console.domain.FlowMonitor.Stage;
import net.collab.console.domain.Places;
import net.collab.events.DomainEvent;
import net.collab.events.EventCodec;
import net.collab.events.EventEnvelope;
import net.collab.events.action.NeedExpired;
import net.collab.events.action.NeedPosted;
import net.collab.events.action.NeedWithdrawn;
import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.MatchProposed;
import net.collab.events.matching.NeedEscalated;
import net.collab.events.registry.AreaDefined;
import net.collab.events.registry.OrganizationEvent;
import net.collab.events.registry.RiskLevelChanged;

/**
 * Reads every topic of the network from its beginning (a group of its own per start, nothing
 * committed) and feeds the flow monitor and the place names. The console keeps nothing of its own:
 * after a restart it reads the topics again.
 */
@ApplicationScoped
public class FlowEvents {

    private static final Logger LOG = Logger.getLogger(FlowEvents.class);

    @Inject
    FlowMonitor monitor;

    @Inject
    Places places;

    /** The one monitor of this console instance. */
    @Produces
    @Singleton
    static FlowMonitor monitor() {
        return new FlowMonitor(100_000, 120);
    }

    @Incoming("flow")
    public void read(ConsumerRecord<String, String> record) {
        Instant at = time(record);
        monitor.counted(record.topic(), at);
        String type = header(record, EventEnvelope.HEADER_TYPE);
        if (type == null || record.value() == null) {
            return;
        }
        DomainEvent event;
        try {
            event = EventCodec.fromJson(type, record.value());
        } catch (RuntimeException e) {
            // A type this console does not know yet (a newer producer), or a malformed record: counted, not followed.
            LOG.debugf("not followed: %s at %s-%d@%d", type, record.topic(), record.partition(), record.offset());
            return;
        }
        follow(event, at);
    }

    void follow(DomainEvent event, Instant at) {
        if (event instanceof AreaDefined area) {
            places.define(area.code(), area.name(), name(area.level()), area.parentCode(), name(area.riskLevel()));
        } else if (event instanceof RiskLevelChanged risk) {
            if (places.find(risk.areaCode()) == null) {
                places.define(risk.areaCode(), risk.name(), name(risk.areaLevel()), risk.parentCode(), name(risk.level()));
            } else {
                places.riskLevel(risk.areaCode(), name(risk.level()));
            }
        } else if (event instanceof OrganizationEvent organization) {
            monitor.organizationNamed(organization.organization().id(), organization.organization().nameZh());
        } else if (event instanceof NeedPosted posted) {
            monitor.needPosted(posted.needId(), posted.organizationId(), posted.item(), plain(posted.quantity()), posted.unit(),
                    posted.areaCode(), FlowMonitor.instant(posted.postedAt(), at));
        } else if (event instanceof NeedWithdrawn withdrawn) {
            // Reasons are free text that may name the people concerned: the monitor keeps none.
            monitor.step(withdrawn.needId(), null, Stage.WITHDRAWN, at, withdrawn.organizationId(), null, null);
        } else if (event instanceof NeedExpired expired) {
            monitor.step(expired.needId(), null, Stage.EXPIRED, at, expired.organizationId(), null, null);
        } else if (event instanceof MatchProposed proposed) {
            monitor.step(proposed.needId(), proposed.matchId(), Stage.PROPOSED, at, proposed.providerOrganizationId(),
                    plain(proposed.quantity()), proposed.explanation());
        } else if (event instanceof MatchAccepted accepted) {
            monitor.step(accepted.needId(), accepted.matchId(), Stage.ACCEPTED, time(accepted.acceptedAt(), at),
                    accepted.providerOrganizationId(), plain(accepted.quantity()), null);
        } else if (event instanceof MatchDeclined declined) {
            monitor.step(declined.needId(), declined.matchId(), Stage.DECLINED, time(declined.declinedAt(), at),
                    declined.providerOrganizationId(), plain(declined.quantity()), null);
        } else if (event instanceof MatchExpired expired) {
            monitor.step(expired.needId(), expired.matchId(), Stage.EXPIRED, time(expired.expiredAt(), at),
                    expired.providerOrganizationId(), plain(expired.quantity()), null);
        } else if (event instanceof MatchDelivered delivered) {
            monitor.step(delivered.needId(), delivered.matchId(), Stage.DELIVERED, time(delivered.deliveredAt(), at),
                    delivered.providerOrganizationId(), plain(delivered.quantity()), null);
        } else if (event instanceof MatchConfirmed confirmed) {
            monitor.step(confirmed.needId(), confirmed.matchId(), Stage.CONFIRMED, time(confirmed.confirmedAt(), at),
                    confirmed.requesterOrganizationId(), plain(confirmed.quantityReceived()), null);
        } else if (event instanceof NeedEscalated escalated) {
            monitor.step(escalated.needId(), null, Stage.ESCALATED, time(escalated.escalatedAt(), at),
                    escalated.requesterOrganizationId(), plain(escalated.quantityMissing()), null);
        }
    }

    private static Instant time(OffsetDateTime time, Instant otherwise) {
        return FlowMonitor.instant(time, otherwise);
    }

    private static String plain(BigDecimal quantity) {
        return quantity == null ? null : quantity.stripTrailingZeros().toPlainString();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, EventEnvelope.HEADER_TIME);
        if (time != null) {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (RuntimeException e) {
                // fall back to the broker's time
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
