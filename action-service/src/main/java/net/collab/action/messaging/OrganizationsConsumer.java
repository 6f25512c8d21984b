package net.collab.action.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.events.registry.OrganizationEvent;
import net.collab.membership.OrganizationReplica;
import net.collab.messaging.IdempotentConsumer;

/** The registry's organizations feed this service's replica, which authorizes posting on their behalf. */
@ApplicationScoped
public class OrganizationsConsumer {

    @Inject
    IdempotentConsumer idempotentConsumer;

    @Inject
    OrganizationReplica organizations;

    @Incoming("organizations")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, String> records) {
        idempotentConsumer.handleBatch("organizations", OrganizationReplica.CONSUMER, records, OrganizationEvent.class,
                (envelope, event) -> organizations.apply(event));
    }
}
