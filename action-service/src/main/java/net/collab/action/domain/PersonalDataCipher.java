package net.collab.action.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Encrypts beneficiaries' personal data at rest: AES-256-GCM with a fresh 96-bit nonce per value,
 * stored as {@code v1:<base64(nonce + ciphertext + tag)>}. The key comes from configuration
 * ({@code collabnet.personal-data.key}, 32 bytes in base64), never from the repository: the local
 * run generates one and keeps it beside its data; production sets
 * {@code COLLABNET_PERSONAL_DATA_KEY}. Someone who reads the database (a dump, a backup, a
 * replica) reads no names, phones or addresses. A value tampered with fails to decrypt.
 */
@Converter
public class PersonalDataCipher implements AttributeConverter<String, String> {

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private volatile SecretKeySpec key;

    /** Refuses to start without a usable key: better than a 500 on the first need with a beneficiary. */
    @jakarta.enterprise.context.ApplicationScoped
    static class KeyCheck {
        void onStart(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent start) {
            new PersonalDataCipher().key();
        }
    }

    @Override
    public String convertToDatabaseColumn(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt personal data", e);
        }
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(PREFIX)) {
            return stored; // written before encryption existed
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the value itself in the message: it is personal data, even encrypted.
            throw new IllegalStateException("personal data cannot be decrypted (wrong key, or the row was altered)", e);
        }
    }

    private SecretKeySpec key() {
        if (key == null) {
            String configured = ConfigProvider.getConfig().getOptionalValue("collabnet.personal-data.key", String.class)
                    .orElseThrow(() -> new IllegalStateException("collabnet.personal-data.key (COLLABNET_PERSONAL_DATA_KEY)"
                            + " is not set: 32 random bytes in base64, e.g. from `openssl rand -base64 32`"));
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("collabnet.personal-data.key is not base64", e);
            }
            if (bytes.length != 32) {
                throw new IllegalStateException("collabnet.personal-data.key must be 32 bytes in base64 (AES-256), not "
                        + bytes.length);
            }
            key = new SecretKeySpec(bytes, "AES");
        }
        return key;
    }
}
