package org.tol.wds;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.fs.NonClosingOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits samples over {@code shard-%06d.tar} files in one directory. A new shard starts before a write when
 * the current one holds maxCount samples or maxSize payload bytes (webdataset's check-before-write rule, so
 * a shard may exceed maxSize by one sample). Each shard is written under a temp name, fsync'd, renamed, and
 * only then gets its manifest: a shard with a manifest is complete.
 */
public final class ShardWriter implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(ShardWriter.class);

    /** Rollover limits; defaults are webdataset's and bioclip's (100000 samples, 3e9 payload bytes). */
    public record Options(long maxCount, long maxSize) {
        public static final Options DEFAULTS = new Options(100_000, 3_000_000_000L);

        public Options {
            if (maxCount < 1 || maxSize < 1) {
                throw new IllegalArgumentException("shard limits must be positive");
            }
        }
    }

    private final ShardPlacement placement;
    private final Options options;
    private final Consumer<ShardManifest> onClosed;
    private final List<ShardManifest> finished = new ArrayList<>();
    private Open current;

    public ShardWriter(ShardPlacement placement, Options options, Consumer<ShardManifest> onClosed) {
        this.placement = placement;
        this.options = options;
        this.onClosed = onClosed == null ? m -> {} : onClosed;
    }

    public ShardWriter(Path dir, Options options) {
        this(ShardPlacement.directory(dir, ShardNumbering.single()), options, null);
    }

    public void write(Sample sample) throws IOException {
        if (current == null || current.tar.sampleCount() >= options.maxCount()
                || current.tar.payloadBytes() >= options.maxSize()) {
            finishCurrent();
            current = open();
        }
        Map<String, TarSampleWriter.MemberInfo> info = current.tar.write(sample);
        Map<String, long[]> members = new java.util.LinkedHashMap<>();
        info.forEach((ext, m) -> members.put(ext, new long[] {m.size(), m.crc32()}));
        current.entries.add(new ShardManifest.Entry(sample.key(), members));
    }

    /** Manifests of the shards closed so far, in order. */
    public List<ShardManifest> finished() {
        return List.copyOf(finished);
    }

    /** Finishes the open shard (if any): the shard is renamed into place, then its manifest written. */
    @Override
    public void close() throws IOException {
        finishCurrent();
    }

    /** Drops the open shard's temp file without publishing it (after a failure). */
    public void abort() throws IOException {
        if (current != null) {
            Open o = current;
            current = null;
            try {
                o.channel.close();
            } finally {
                Files.deleteIfExists(o.temp);
            }
        }
    }

    private Open open() throws IOException {
        return new Open(placement.next());
    }

    private void finishCurrent() throws IOException {
        if (current == null) {
            return;
        }
        Open o = current;
        current = null;
        boolean ok = false;
        try {
            o.tar.close(); // end-of-archive blocks; the channel stays open (NonClosingOutputStream)
            o.buffered.flush();
            o.channel.force(false);
            o.channel.close();
            if (!o.temp.equals(o.target)) {
                AtomicFiles.moveAtomically(o.temp, o.target);
            }
            ok = true;
        } finally {
            if (!ok) {
                o.channel.close();
                Files.deleteIfExists(o.temp);
            }
        }
        ShardManifest m = new ShardManifest(o.target.getFileName().toString(), o.counter.count,
                HexFormat.of().formatHex(o.digest.digest()), o.tar.payloadBytes(), List.copyOf(o.entries));
        m.write(o.manifest);
        finished.add(m);
        LOG.info("closed {} ({} samples, {} bytes)", o.target, m.sampleCount(), m.bytes());
        onClosed.accept(m);
    }

    /** The shard being written: temp file, digest of every byte, counting stream and tar writer. */
    private static final class Open {
        final Path target;
        final Path temp;
        final Path manifest;
        final FileChannel channel;
        final MessageDigest digest;
        final Counting counter;
        final OutputStream buffered;
        final TarSampleWriter tar;
        final List<ShardManifest.Entry> entries = new ArrayList<>();

        Open(ShardPlacement.Slot slot) throws IOException {
            this.target = slot.tar();
            this.temp = slot.writeTo();
            this.manifest = slot.manifest();
            this.channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            this.counter = new Counting(new DigestOutputStream(Channels.newOutputStream(channel), digest));
            this.buffered = new BufferedOutputStream(counter, 1 << 16);
            // the tar library closes its stream; the channel must stay open until it is fsync'd
            this.tar = new TarSampleWriter(new NonClosingOutputStream(buffered));
        }
    }

    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
