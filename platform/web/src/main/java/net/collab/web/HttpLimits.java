package net.collab.web;

import java.util.List;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on requests (prefix {@code collabnet.http}), enforced by {@link InputHygiene} and {@link WriteRateLimit}. */
@ConfigMapping(prefix = "collabnet.http")
public interface HttpLimits {

    /** The largest request body, except on {@link #largeBodyPaths()}. */
    @WithDefault("1M")
    MemorySize maxBodySize();

    /** The longest request address (path and query), in characters as sent (percent-encoded). */
    @WithDefault("8192")
    int maxUriLength();

    /** Paths whose bodies may be as large as {@code quarkus.http.limits.max-body-size} (e.g. an import). */
    Optional<List<String>> largeBodyPaths();

    /** Write requests per client ({@link WriteRateLimit}). */
    WriteRate writeRate();

    interface WriteRate {
        /** How many writes a client may send at once (a form submitted by a person never comes near). */
        @WithDefault("100")
        long burst();

        /** How many more it may send each second after that. */
        @WithDefault("20")
        long perSecond();
    }
}
