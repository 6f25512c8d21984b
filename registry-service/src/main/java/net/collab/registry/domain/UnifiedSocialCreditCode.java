package net.collab.registry.domain;

/**
 * The Unified Social Credit Code of GB 32100-2015: 18 characters from a 31-character alphabet
 * (no I, O, S, V, Z), the last being a check character over the first 17.
 */
public final class UnifiedSocialCreditCode {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private UnifiedSocialCreditCode() {
    }

    /** Why the code is invalid, or null when it is valid. */
    public static String problem(String code) {
        if (code == null || code.length() != 18) {
            return "must be 18 characters";
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return "character " + (i + 1) + " ('" + code.charAt(i) + "') is not allowed (digits and capital letters except I, O, S, V, Z)";
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            return "check character is '" + code.charAt(17) + "' but should be '" + expected + "'";
        }
        return null;
    }

    /** The check character for the first 17 characters. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }
}
