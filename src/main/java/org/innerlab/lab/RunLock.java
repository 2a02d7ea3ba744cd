package org.innerlab.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.function.Function;
import org.innerlab.core.BadInputException;

/**
 * The OS lock a run holds on its partial folder while it writes ({@value #FILE} inside it), so that a
 * second run into the same folder is refused at once instead of doing the same work and colliding at
 * the end. The file says who holds it (pid, host, start time) for that refusal. The OS lets go when
 * the holder dies, so a killed run never keeps its resume out.
 */
final class RunLock implements AutoCloseable {
    /** The lock file's name inside the partial folder. */
    static final String FILE = "run.lock";

    private final FileChannel channel;

    private RunLock(FileChannel channel) {
        this.channel = channel;
    }

    /**
     * Takes the lock of {@code partial} and writes who holds it.
     *
     * @param refusal the one-line refusal, given what the lock file says of the run that holds it
     * @throws BadInputException {@code refusal}'s line if another run holds it, or why it cannot be taken
     */
    static RunLock take(Path partial, Function<String, String> refusal) {
        Path file = partial.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
            if (!tryLock(channel)) {
                String holder = holder(channel);
                channel.close();
                throw new BadInputException(refusal.apply(holder));
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + " on " + host() + ", started "
                    + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new RunLock(channel);
        } catch (IOException e) {
            new RunLock(channel).close();
            throw new BadInputException("cannot lock " + file + " (" + e.getMessage() + "); remove " + partial
                    + " if no run is using it");
        }
    }

    /**
     * Refuses if a live run holds the lock of {@code partial} (another attempt's partial folder); a
     * folder without a lock file, or whose holder has died, is no obstacle.
     *
     * @throws BadInputException {@code refusal}'s line, given what the lock file says of the holder
     */
    static void refuseIfHeld(Path partial, Function<String, String> refusal) throws IOException {
        Path file = partial.resolve(FILE);
        if (!Files.isDirectory(partial, LinkOption.NOFOLLOW_LINKS)
                || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                LinkOption.NOFOLLOW_LINKS)) {
            if (!tryLock(channel)) {
                throw new BadInputException(refusal.apply(holder(channel)));
            }
        }
    }

    /** Lets go of the lock. */
    @Override
    public void close() {
        if (channel != null && channel.isOpen()) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Takes the lock for as long as {@code channel} is open, unless another run holds it. */
    private static boolean tryLock(FileChannel channel) throws IOException {
        try {
            FileLock held = channel.tryLock();
            return held != null;
        } catch (OverlappingFileLockException e) {
            return false; // this JVM holds it: another Experiment.run in the same process
        }
    }

    /** What the lock file says of the run that holds it. */
    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer text = ByteBuffer.allocate(512);
        channel.read(text, 0);
        String said = new String(text.array(), 0, text.position(), StandardCharsets.UTF_8).strip();
        return said.isEmpty() ? "just starting" : said;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
