package net.collab.notification.domain;

import java.util.Map;

/** POSTs a webhook call; implemented over HTTP (messaging). */
public interface WebhookSender {

    record Call(String url, String body, Map<String, String> headers) {
    }

    /** @return the receiver's HTTP status; throws when no answer came (refused, timed out) */
    int post(Call call) throws Exception;
}
