package net.collab.web;

import java.io.StringWriter;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An Atom feed (RFC 4287) for readers that follow a board without an account: the JDK's XML writer
 * does the escaping. Ids are {@code urn:uuid:} of the items, so a reader recognises an item it has
 * seen when it changes.
 */
public final class AtomFeed {

    public static final String MEDIA_TYPE = "application/atom+xml;charset=UTF-8";
    private static final String ATOM = "http://www.w3.org/2005/Atom";

    /** One entry: what it is, who published it, where to read it. */
    public record Entry(UUID id, String title, String author, URI link, String summary, List<String> categories,
            OffsetDateTime published, OffsetDateTime updated) {
    }

    private AtomFeed() {
    }

    /**
     * The feed of {@code entries} (newest first), identified by {@code self} (the URL it is read
     * at); {@code updated} is the newest entry's, or {@code empty} when there is none.
     */
    public static String write(URI self, String title, List<Entry> entries, OffsetDateTime empty) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            // One id per feed: the same path with other filters is another feed.
            element(xml, "id", "urn:collabnet:" + self.getRawPath() + (self.getRawQuery() == null ? "" : "?" + self.getRawQuery()));
            element(xml, "title", title);
            element(xml, "updated", time(entries.stream().map(Entry::updated).max(OffsetDateTime::compareTo).orElse(empty)));
            link(xml, "self", self);
            for (Entry entry : entries) {
                xml.writeStartElement("entry");
                element(xml, "id", "urn:uuid:" + entry.id());
                element(xml, "title", entry.title());
                xml.writeStartElement("author");
                element(xml, "name", entry.author() == null ? "—" : entry.author());
                xml.writeEndElement();
                link(xml, "alternate", entry.link());
                element(xml, "published", time(entry.published()));
                element(xml, "updated", time(entry.updated()));
                for (String category : entry.categories()) {
                    xml.writeEmptyElement("category");
                    xml.writeAttribute("term", xmlCharacters(category));
                }
                if (entry.summary() != null) {
                    element(xml, "summary", entry.summary());
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the Atom feed", e);
        }
        return out.toString();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlCharacters(text));
        xml.writeEndElement();
    }

    /** Control characters that XML 1.0 cannot carry (the writer escapes markup, not these) become U+FFFD. */
    static String xmlCharacters(String text) {
        return text.replaceAll("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF]", "\uFFFD");
    }

    private static void link(XMLStreamWriter xml, String rel, URI href) throws XMLStreamException {
        xml.writeEmptyElement("link");
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href.toString());
    }

    private static String time(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC).withNano(0));
    }
}
