package net.collab.notification.domain;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;

/**
 * The text of each piece of news, in both languages, from Qute templates in
 * {@code templates/notifications/<name>.<language>.txt}: the first line is the title, the rest the body.
 */
@ApplicationScoped
public class Messages {

    /** A piece of news as the people it is for read it, in Chinese and in English. */
    public record Message(String titleZh, String bodyZh, String titleEn, String bodyEn) {
    }

    @Inject
    Engine engine;

    public Message render(String name, Map<String, Object> data) {
        String[] zh = split(render(template(name, "zh-CN"), data));
        String[] en = split(render(template(name, "en"), data));
        return new Message(zh[0], zh[1], en[0], en[1]);
    }

    private static String render(Template template, Map<String, Object> data) {
        io.quarkus.qute.TemplateInstance instance = template.instance();
        data.forEach(instance::data);
        return instance.render();
    }

    private Template template(String name, String language) {
        Template template = engine.getTemplate("notifications/" + name + "." + language + ".txt");
        if (template == null) {
            throw new IllegalStateException("no template notifications/" + name + "." + language + ".txt");
        }
        return template;
    }

    private static String[] split(String text) {
        String trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? new String[] {trimmed, ""} : new String[] {trimmed.substring(0, newline).strip(), trimmed.substring(newline + 1).strip()};
    }
}
