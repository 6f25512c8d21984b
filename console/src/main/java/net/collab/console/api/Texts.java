package net.collab.console.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The console's words in Chinese (the default) and English, from {@code texts/zh.properties} and
 * {@code texts/en.properties}. Both files hold the same keys; a test keeps them so.
 */
public final class Texts {

    public static final String CHINESE = "zh";
    public static final String ENGLISH = "en";

    private static final Map<String, Map<String, String>> BY_LANGUAGE = Map.of(CHINESE, load(CHINESE), ENGLISH, load(ENGLISH));

    private Texts() {
    }

    public static Map<String, String> of(String language) {
        return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(CHINESE));
    }

    /** {@code zh} unless {@code en} was asked for. */
    public static String language(String asked) {
        return ENGLISH.equals(asked) ? ENGLISH : CHINESE;
    }

    static Map<String, String> load(String language) {
        Properties properties = new Properties();
        try (InputStream in = Texts.class.getResourceAsStream("/texts/" + language + ".properties")) {
            if (in == null) {
                throw new IllegalStateException("texts/" + language + ".properties is missing");
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> texts = new HashMap<>();
        properties.forEach((key, value) -> texts.put(key.toString(), value.toString()));
        return Collections.unmodifiableMap(texts);
    }
}
