package net.collab.notification.messaging;

import org.jboss.logging.Logger;

/**
 * For writes whose only possible failure is the database's (it passes): wait, with pauses that
 * double up to 30 s, and try again until done — the record is never skipped, and writing twice
 * writes once (each such write is keyed).
 */
final class PatientWrites {

    private static final Logger LOG = Logger.getLogger(PatientWrites.class);

    private PatientWrites() {
    }

    static void run(String what, Runnable write) {
        for (long pause = 200;; pause = Math.min(pause * 2, 30_000)) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("%s waits %d ms: %s", what, pause, e.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
