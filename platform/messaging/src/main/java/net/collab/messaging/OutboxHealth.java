package net.collab.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the outbox: DOWN when the relay's thread has stopped or the oldest unpublished
 * event waits longer than {@code collabnet.outbox.max-age} (the broker away, or the relay stuck):
 * consumers stop hearing of this service's changes. Events set aside as never publishable are
 * counted in the check's data ({@code set-aside}) and logged as errors when set aside; they do not
 * take the service out of rotation, since everything behind them is published.
 */
@Readiness
@ApplicationScoped
public class OutboxHealth implements HealthCheck {

    @Inject
    DataSource dataSource;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxSettings settings;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("outbox").withData("relay-running", relay.isRunning());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select min(occurred_at) filter (where parked_at is null), count(*) filter (where parked_at is not null)
                        from outbox_event where published_at is null""");
                ResultSet result = query.executeQuery()) {
            result.next();
            OffsetDateTime oldest = result.getObject(1, OffsetDateTime.class);
            long setAside = result.getLong(2);
            Duration age = oldest == null ? Duration.ZERO : Duration.between(oldest, OffsetDateTime.now(ZoneOffset.UTC));
            response.withData("oldest-unpublished-age-seconds", age.toSeconds()).withData("set-aside", setAside);
            return response.status(relay.isRunning() && age.compareTo(settings.maxAge()) <= 0).build();
        } catch (SQLException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
    }
}
