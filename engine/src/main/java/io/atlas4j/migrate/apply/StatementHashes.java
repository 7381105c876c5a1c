package io.atlas4j.migrate.apply;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Atlas's partial hashes: {@code h1:} + base64(SHA-256(text_1 + ... + text_i)) for each statement {@code i}. */
public final class StatementHashes {

    private StatementHashes() {
    }

    /** The cumulative hashes of {@code statements}, each with its {@code h1:} prefix. */
    public static List<String> of(List<String> statements) {
        MessageDigest chain;
        try {
            chain = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
        List<String> sums = new ArrayList<>();
        for (String s : statements) {
            chain.update(s.getBytes(StandardCharsets.UTF_8));
            try {
                sums.add("h1:" + Base64.getEncoder().encodeToString(((MessageDigest) chain.clone()).digest()));
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException("SHA-256 digest cannot be cloned", e);
            }
        }
        return List.copyOf(sums);
    }
}
