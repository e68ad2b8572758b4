package org.tol.wds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tol.api.image.DecodeResult;
import org.tol.io.image.ImageDecoder;

/**
 * Checks one shard the way a training job would read it (webdataset grouping): truncation anywhere, members
 * outside their sample, a key twice, a member twice in a sample, samples whose member set differs from the
 * expected one, and (optionally) images that do not decode; a shard with a tol manifest must also still match
 * its size and SHA-256. Stateless apart from its settings, so one checker serves many threads.
 */
public final class ShardChecker {
    private static final Set<String> IMAGE_EXTS = Set.of("jpg", "jpeg", "png", "webp");
    private static final ImageDecoder DECODER = new ImageDecoder();

    private final Set<String> expected; // lower-cased; null = the union of extensions seen in the shard
    private final boolean decode;

    /** @param expectedMembers member extensions every sample must have (case ignored), or null for "auto" */
    public ShardChecker(Set<String> expectedMembers, boolean decode) {
        if (expectedMembers == null) {
            this.expected = null;
        } else {
            Set<String> lower = new TreeSet<>();
            expectedMembers.forEach(e -> lower.add(e.toLowerCase(Locale.ROOT)));
            this.expected = lower;
        }
        this.decode = decode;
    }

    public ShardCheck check(Path shard) {
        List<ShardProblem> problems = new ArrayList<>();
        Map<String, Set<String>> seen = new HashMap<>();
        List<Map.Entry<String, Set<String>>> samples = new ArrayList<>();
        Set<String> union = new TreeSet<>();
        List<Long> hashes = new ArrayList<>();
        long members = 0;
        try (ShardReader r = new ShardReader(shard)) {
            for (ShardReader.Group g = r.next(); g != null; g = r.next()) {
                members += g.members().size();
                if (g.key() == null) {
                    for (ShardReader.Member m : g.members()) {
                        problems.add(new ShardProblem(ShardProblem.MEMBER_OUTSIDE_SAMPLE, null,
                                "member '" + m.name() + "' has no extension, so it belongs to no sample"));
                    }
                    continue;
                }
                Set<String> exts = new TreeSet<>();
                for (ShardReader.Member m : g.members()) {
                    if (!exts.add(m.ext())) {
                        problems.add(new ShardProblem(ShardProblem.DUPLICATE_MEMBER, g.key(),
                                "member '" + m.name() + "' appears twice in the sample"));
                    }
                    if (decode && IMAGE_EXTS.contains(m.ext())) {
                        DecodeResult d = DECODER.decode(m.data(), null, null);
                        if (!d.isOk()) {
                            problems.add(new ShardProblem(ShardProblem.UNDECODABLE_IMAGE, g.key(),
                                    m.name() + ": " + d.message()));
                        }
                    }
                }
                Set<String> before = seen.get(g.key());
                if (before != null) {
                    boolean overlap = before.stream().anyMatch(exts::contains);
                    problems.add(overlap
                            ? new ShardProblem(ShardProblem.DUPLICATE_KEY, g.key(), "key appears twice in the shard")
                            : new ShardProblem(ShardProblem.MEMBER_OUTSIDE_SAMPLE, g.key(),
                                    "members " + exts + " are not adjacent to the rest of their sample"));
                    before.addAll(exts);
                    continue;
                }
                seen.put(g.key(), exts);
                samples.add(Map.entry(g.key(), exts));
                union.addAll(exts);
                hashes.add(keyHash(g.key()));
            }
        } catch (TruncatedShardException e) {
            problems.add(new ShardProblem(ShardProblem.TRUNCATED, null, e.getMessage()));
        } catch (IOException e) {
            problems.add(new ShardProblem(ShardProblem.TRUNCATED, null, "unreadable: " + e.getMessage()));
        }
        Set<String> want = expected != null ? expected : union;
        for (Map.Entry<String, Set<String>> s : samples) {
            Set<String> have = seen.get(s.getKey());
            if (!have.equals(want)) {
                Set<String> missing = new TreeSet<>(want);
                missing.removeAll(have);
                Set<String> extra = new TreeSet<>(have);
                extra.removeAll(want);
                problems.add(new ShardProblem(ShardProblem.INCOMPLETE_SAMPLE, s.getKey(),
                        "missing " + missing + (extra.isEmpty() ? "" : ", unexpected " + extra)));
            }
        }
        checkManifest(shard, problems);
        long[] keyHashes = hashes.stream().mapToLong(Long::longValue).toArray();
        return new ShardCheck(shard.toString(), samples.size(), members, List.copyOf(problems), keyHashes);
    }

    /** A shard tol wrote must still be the bytes its manifest describes. */
    private static void checkManifest(Path shard, List<ShardProblem> problems) {
        Path manifest = ShardNames.manifestOf(shard);
        if (!Files.exists(manifest)) {
            return;
        }
        try {
            ShardManifest m = ShardManifest.read(manifest);
            long size = Files.size(shard);
            if (size != m.bytes()) {
                problems.add(new ShardProblem(ShardProblem.MANIFEST_MISMATCH, null,
                        "size " + size + " but the manifest says " + m.bytes()));
            } else if (!sha256(shard).equals(m.sha256())) {
                problems.add(new ShardProblem(ShardProblem.MANIFEST_MISMATCH, null, "SHA-256 differs from the manifest"));
            }
        } catch (IOException e) {
            problems.add(new ShardProblem(ShardProblem.MANIFEST_MISMATCH, null,
                    "manifest " + manifest + " is unreadable: " + e.getMessage()));
        }
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** A 64-bit FNV-1a hash of a key (cross-shard duplicate detection keeps 8 bytes per sample). */
    public static long keyHash(String key) {
        long h = 0xcbf29ce484222325L;
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** Keys present in an earlier shard of {@code checks} (in order): one problem per repeat, deterministic. */
    public static Map<Integer, List<ShardProblem>> crossShardDuplicates(List<ShardCheck> checks) {
        Map<Long, Integer> first = new HashMap<>();
        Map<Integer, List<ShardProblem>> out = new HashMap<>();
        Set<Long> reportedWithin = new HashSet<>();
        for (int i = 0; i < checks.size(); i++) {
            for (long h : checks.get(i).keyHashes()) {
                Integer at = first.putIfAbsent(h, i);
                if (at != null && at != i && reportedWithin.add(h ^ (31L * i))) {
                    out.computeIfAbsent(i, k -> new ArrayList<>()).add(new ShardProblem(ShardProblem.DUPLICATE_KEY,
                            null, "a key of this shard is already in " + checks.get(at).shard()));
                }
            }
        }
        return out;
    }
}
