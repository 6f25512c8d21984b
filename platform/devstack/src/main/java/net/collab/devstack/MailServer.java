package net.collab.devstack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.jboss.logging.Logger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * A real SMTP server (GreenMail, in this process) for the local run and the tests: it accepts every
 * e-mail the services send and keeps it, readable over IMAP or, in the local run, as {@code .eml}
 * files in a folder. Nothing leaves the machine.
 */
public final class MailServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailServer.class);

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;
    private Thread copier;

    private MailServer(GreenMail greenMail) {
        this.greenMail = greenMail;
        this.smtpPort = greenMail.getSmtp().getPort();
        this.imapPort = greenMail.getImap() == null ? -1 : greenMail.getImap().getPort();
    }

    /** SMTP (and IMAP, when {@code imapPort} is not negative) on 127.0.0.1; a port of 0 takes a free one. */
    public static MailServer start(int smtpPort, int imapPort) {
        List<ServerSetup> setups = new java.util.ArrayList<>();
        setups.add(new ServerSetup(smtpPort == 0 ? Ports.free() : smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        if (imapPort >= 0) {
            setups.add(new ServerSetup(imapPort == 0 ? Ports.free() : imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        }
        GreenMail greenMail = new GreenMail(setups.toArray(ServerSetup[]::new));
        greenMail.start();
        return new MailServer(greenMail);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** Every e-mail received so far, oldest first. */
    public List<MimeMessage> received() {
        return List.of(greenMail.getReceivedMessages());
    }

    /** Every e-mail received so far for the address. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(message -> {
            try {
                jakarta.mail.Address[] recipients = message.getAllRecipients();
                return recipients != null && java.util.Arrays.stream(recipients).anyMatch(to -> to.toString().contains(address));
            } catch (MessagingException e) {
                return false;
            }
        }).toList();
    }

    /** Writes each e-mail received, from now on, to {@code folder} as an {@code .eml} file any mail program opens. */
    public void copyTo(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        // Named by this run's start and the e-mail's number: a restarted network adds files, never overwrites.
        String run = java.time.LocalDateTime.now().format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        copier = new Thread(() -> {
            int copied = 0;
            while (!Thread.currentThread().isInterrupted()) {
                List<MimeMessage> messages = received();
                for (; copied < messages.size(); copied++) {
                    Path file = folder.resolve(String.format("%s-%05d.eml", run, copied + 1));
                    try (OutputStream out = Files.newOutputStream(file)) {
                        messages.get(copied).writeTo(out);
                    } catch (IOException | MessagingException e) {
                        LOG.warnf("cannot keep e-mail %d in %s: %s", copied + 1, folder, e.getMessage());
                    }
                }
                try {
                    Thread.sleep(Duration.ofSeconds(1).toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "mail-copier");
        copier.setDaemon(true);
        copier.start();
    }

    @Override
    public void close() {
        if (copier != null) {
            copier.interrupt();
        }
        greenMail.stop();
    }
}
