package net.collab.notification.messaging;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import net.collab.notification.config.NotificationSettings;
import net.collab.notification.domain.WebhookSender;

/** Webhook calls over HTTP with the JDK's client: never following redirects (a redirect could lead anywhere). */
@ApplicationScoped
public class HttpWebhookSender implements WebhookSender {

    @Inject
    NotificationSettings settings;

    private volatile HttpClient client;

    @Override
    public int post(Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(call.url())).timeout(settings.webhooks().timeout())
                .header("Content-Type", "application/cloudevents+json; charset=utf-8")
                .header("User-Agent", "collabnet-notification-service")
                .POST(HttpRequest.BodyPublishers.ofString(call.body()));
        call.headers().forEach(request::header);
        return client().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder().connectTimeout(settings.webhooks().timeout()).followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }
        return client;
    }
}
