package net.collab.action.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;

import net.collab.membership.AreaReplica;
import net.collab.membership.OrganizationReplica;

/**
 * The registry's organizations and areas feed this service's replicas: who may post on whose
 * behalf, and which places exist and what they are called.
 */
@ApplicationScoped
public class RegistryConsumers {

    @Inject
    OrganizationReplica organizations;

    @Inject
    AreaReplica areas;

    @Incoming("organizations")
    @Blocking
    public void onOrganizationEvents(ConsumerRecords<String, String> records) {
        organizations.consume(records);
    }

    @Incoming("areas")
    @Blocking
    public void onAreaEvents(ConsumerRecords<String, String> records) {
        areas.consume(records);
    }
}
