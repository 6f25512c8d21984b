package net.collab.notification.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.matching.MatchAccepted;
import net.collab.events.matching.MatchCancelled;
import net.collab.events.matching.MatchConfirmed;
import net.collab.events.matching.MatchDeclined;
import net.collab.events.matching.MatchDelivered;
import net.collab.events.matching.MatchEvent;
import net.collab.events.matching.MatchExpired;
import net.collab.events.matching.NeedEscalated;
import net.collab.events.matching.MatchProposed;
import net.collab.events.EventCodec;
import net.collab.events.registry.MemberAdded;
import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;
import net.collab.messaging.IdempotentConsumer;
import net.collab.notification.domain.Notifier;

/** Match events become news for those concerned; organizations and areas feed their replicas (members, names, places). */
@ApplicationScoped
public class MatchNotifications {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    Notifier notifier;

    @Inject
    OrganizationReplica organizations;

    @Inject
    AreaReplica areas;

    @Incoming("matches")
    @Blocking
    public void onMatchEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("matches", "matches", records, MatchEvent.class, (envelope, event) -> event.dispatchTo(matches));
    }

    @Incoming("organizations")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, String> records) {
        organizations.consume(records);
        // Then whoever was added hears of it: after the replica has them (their inbox finds the organization's items);
        // a redelivered record writes nothing twice (one item per organization, member and role).
        String memberAdded = net.collab.events.EventCatalog.contractOf(MemberAdded.class).type();
        for (var record : records) {
            var type = record.headers().lastHeader("ce_type");
            if (type == null || record.value() == null
                    || !memberAdded.equals(new String(type.value(), java.nio.charset.StandardCharsets.UTF_8))) {
                continue;
            }
            MemberAdded added;
            try {
                added = (MemberAdded) EventCodec.fromJson(memberAdded, record.value());
            } catch (RuntimeException e) {
                continue; // malformed: the replica has set it aside as a dead letter
            }
            // A failure here is the database's, and passes (writing twice writes once).
            PatientWrites.run("the welcome of a member added by " + record.topic() + "-" + record.partition() + "@" + record.offset(),
                    () -> notifier.memberAdded(added.organization().id(), added.member().subject(), added.member().role().name(),
                            added.organization().nameZh()));
        }
    }

    @Incoming("areas")
    @Blocking
    public void onAreaEvents(ConsumerRecords<String, String> records) {
        areas.consume(records);
    }

    private final MatchEvent.Handler matches = new MatchEvent.Handler() {
        @Override
        public void proposed(MatchProposed proposed) {
            notifier.matchProposed(new Notifier.ProposedMatch(proposed.matchId(), proposed.needId(),
                    proposed.requesterOrganizationId(), proposed.providerOrganizationId(), proposed.item(),
                    proposed.quantity().toPlainString(), proposed.unit(), proposed.areaCode(), proposed.explanation()));
        }

        @Override
        public void accepted(MatchAccepted accepted) {
            notifier.matchAccepted(new Notifier.MatchStep(accepted.matchId(), accepted.requesterOrganizationId(),
                    accepted.providerOrganizationId(), accepted.quantity().toPlainString(), accepted.unit()));
        }

        @Override
        public void declined(MatchDeclined declined) {
            notifier.matchDeclined(new Notifier.MatchStep(declined.matchId(), declined.requesterOrganizationId(),
                    declined.providerOrganizationId(), declined.quantity().toPlainString(), declined.unit()), declined.reason());
        }

        @Override
        public void expired(MatchExpired expired) {
            notifier.matchExpired(new Notifier.MatchStep(expired.matchId(), expired.requesterOrganizationId(),
                    expired.providerOrganizationId(), expired.quantity().toPlainString(), expired.unit()));
        }

        @Override
        public void escalated(NeedEscalated escalated) {
            notifier.needEscalated(new Notifier.Escalation(escalated.needId(), escalated.requesterOrganizationId(), escalated.item(),
                    escalated.quantityMissing().toPlainString(), escalated.unit(), escalated.areaCode(),
                    escalated.waitingSince() == null ? "" : escalated.waitingSince().atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai"))
                            .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))));
        }

        @Override
        public void cancelled(MatchCancelled cancelled) {
            notifier.matchCancelled(new Notifier.MatchStep(cancelled.matchId(), cancelled.requesterOrganizationId(),
                    cancelled.providerOrganizationId(), cancelled.quantity().toPlainString(), cancelled.unit()), cancelled.reason());
        }

        @Override
        public void delivered(MatchDelivered delivered) {
            notifier.matchDelivered(new Notifier.MatchStep(delivered.matchId(), delivered.requesterOrganizationId(),
                    delivered.providerOrganizationId(), delivered.quantityMatched().toPlainString(), delivered.unit()),
                    delivered.deliveryId(), delivered.quantity().toPlainString());
        }

        @Override
        public void confirmed(MatchConfirmed confirmed) {
            Notifier.MatchStep step = new Notifier.MatchStep(confirmed.matchId(), confirmed.requesterOrganizationId(),
                    confirmed.providerOrganizationId(), confirmed.quantityReceived().toPlainString(), confirmed.unit());
            notifier.matchConfirmed(step);
            notifier.needFulfilled(confirmed.needId(), step);
        }
    };
}
