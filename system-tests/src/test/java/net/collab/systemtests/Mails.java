package net.collab.systemtests;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** What an e-mail says, as its reader sees it. */
final class Mails {

    private Mails() {
    }

    /** The subject and the decoded text of every part (bodies are base64 or quoted-printable on the wire). */
    static String told(MimeMessage email) throws Exception {
        return email.getSubject() + "\n" + text(email);
    }

    private static String text(Part part) throws Exception {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i))).append('\n');
            }
            return text.toString();
        }
        return content instanceof String string ? string : "";
    }
}
