package dev.turnpike.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Notices when files change and tells once they have settled. Polls rather than using a {@code WatchService}:
 * editors save by renaming, write in several steps, and some file systems send no events; a fingerprint of
 * every file (size, modification time and, for small files, a checksum of the content) sees all of that. A change
 * is reported only when two polls in a row agree, so a half-written file is not read.
 */
final class ChangeWatcher implements AutoCloseable {

    /** Files up to this size are checksummed: definitions and properties files, not jars. */
    private static final long CHECKSUMMED_SIZE = 1024 * 1024;

    private final List<Path> paths;
    private final long intervalMillis;
    private final Runnable onChange;
    private final Thread thread;
    private volatile boolean stopped;

    private ChangeWatcher(List<Path> paths, long intervalMillis, Runnable onChange) {
        this.paths = List.copyOf(paths);
        this.intervalMillis = intervalMillis;
        this.onChange = onChange;
        this.thread = new Thread(this::poll, "turnpike-watch");
        this.thread.setDaemon(true);
    }

    /** Starts watching {@code paths} (files or folders, existing or not); {@code onChange} runs on the watcher's thread. */
    static ChangeWatcher start(List<Path> paths, long intervalMillis, Runnable onChange) {
        ChangeWatcher watcher = new ChangeWatcher(paths, intervalMillis, onChange);
        watcher.thread.start();
        return watcher;
    }

    private void poll() {
        long served = fingerprint(paths);
        long previous = served;
        while (!stopped) {
            try {
                Thread.sleep(intervalMillis);
            } catch (InterruptedException e) {
                return;
            }
            long now = fingerprint(paths);
            if (now != served && now == previous) {
                served = now;
                onChange.run();
            }
            previous = now;
        }
    }

    /** One number that changes when any file under {@code paths} is added, removed or changed. */
    static long fingerprint(List<Path> paths) {
        long hash = 17;
        for (Path root : paths) {
            if (!Files.exists(root)) {
                hash = hash * 31 + Objects.hash(root, "missing");
                continue;
            }
            try (Stream<Path> files = Files.isDirectory(root) ? Files.walk(root) : Stream.of(root)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    hash = hash * 31 + fileFingerprint(file);
                }
            } catch (IOException | UncheckedIOException e) {
                // A file vanished while being read: the next poll sees the settled state.
                hash = hash * 31 + e.hashCode();
            }
        }
        return hash;
    }

    private static long fileFingerprint(Path file) throws IOException {
        long size = Files.size(file);
        long fingerprint = Objects.hash(file, size, Files.getLastModifiedTime(file));
        if (size <= CHECKSUMMED_SIZE) {
            CRC32 crc = new CRC32();
            crc.update(Files.readAllBytes(file));
            fingerprint = fingerprint * 31 + crc.getValue();
        }
        return fingerprint;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
