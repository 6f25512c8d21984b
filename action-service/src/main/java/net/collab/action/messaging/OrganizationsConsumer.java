package net.collab.action.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.membership.OrganizationReplica;

/** The registry's organizations feed this service's replica, which authorizes posting on their behalf. */
@ApplicationScoped
public class OrganizationsConsumer {

    @Inject
    OrganizationReplica organizations;

    @Incoming("organizations")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, String> records) {
        organizations.consume(records);
    }
}
