package io.claimbench.cluster;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * This process's instance id: the one kept in {@code instance.id} in its data folder, so that a process restarted on
 * the same folder takes back its own unfinished items at once instead of waiting for its old heartbeat to expire. The
 * file stays locked while the process lives, so a second process on the same folder gets an id of its own (and the
 * lock goes with the process, however it ends).
 */
final class InstanceIdentity implements AutoCloseable {

    static final String FILE = "instance.id";
    private static final Logger LOG = Logger.getLogger(InstanceIdentity.class);

    private final String id;
    private final boolean kept;
    private final FileChannel channel;

    private InstanceIdentity(String id, boolean kept, FileChannel channel) {
        this.id = id;
        this.kept = kept;
        this.channel = channel;
    }

    /** The id kept in the folder (made on first use), or a new one when the folder is in use or cannot be written. */
    static InstanceIdentity of(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
            ByteBuffer buf = ByteBuffer.allocate(128);
            channel.read(buf, 0);
            String kept = new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
            if (isUuid(kept)) {
                return new InstanceIdentity(kept, true, channel);
            }
            String id = UUID.randomUUID().toString();
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((id + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(true);
            return new InstanceIdentity(id, true, channel);
        } catch (OverlappingFileLockException e) {
            LOG.infof("%s is in use by another process: this one takes an instance id of its own", file);
        } catch (IOException e) {
            LOG.warnf("the instance id cannot be kept in %s (%s): this process takes a new one", file, e.getMessage());
        }
        closeQuietly(channel);
        return new InstanceIdentity(UUID.randomUUID().toString(), false, null);
    }

    String id() {
        return id;
    }

    /** True when the id is the data folder's, so items held under it are this folder's previous process's. */
    boolean kept() {
        return kept;
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equals(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // the lock goes with the process anyway
            }
        }
    }
}
