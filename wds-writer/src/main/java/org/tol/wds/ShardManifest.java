package org.tol.wds;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.tol.io.json.Json;

/**
 * What tol wrote into one shard, stored next to it as {@code shard-NNNNNN.tar.json} after the tar was renamed
 * into place: the tar's size and SHA-256 (a resumed build trusts a shard only if both still match) and every
 * sample's members with payload size and CRC32.
 */
public record ShardManifest(
        @JsonProperty("shard") String shard,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("sha256") String sha256,
        @JsonProperty("payload_bytes") long payloadBytes,
        @JsonProperty("samples") List<Entry> samples) {

    /** One sample: its key and, per extension in written order, [size, crc32]. */
    public record Entry(@JsonProperty("key") String key, @JsonProperty("members") Map<String, long[]> members) {}

    public static ShardManifest read(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), ShardManifest.class);
    }

    public void write(Path file) throws IOException {
        Json.writeAtomically(file, this);
    }

    public int sampleCount() {
        return samples.size();
    }
}
