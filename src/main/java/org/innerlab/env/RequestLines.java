package org.innerlab.env;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a replay batch or an {@code innerlab serve} session, read one at a time from raw bytes, so that a bad line costs only that
 * line: each line is decoded on its own by a strict UTF-8 decoder (an invalid byte is an error for its
 * line, never for the lines before or after it), a UTF-8 byte-order mark at the start of the first line
 * is skipped, a line ending {@code \r\n} loses its {@code \r}, and a line longer than
 * {@link #MAX_LINE_BYTES} is refused after reading only that many of its bytes (the rest is skipped
 * unread into memory). Not thread-safe; the caller closes the stream.
 */
public final class RequestLines {
    /** The longest line accepted, in bytes: far beyond any request, small enough to hold in memory. */
    public static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * One line of the batch.
     *
     * @param number 1-based line number
     * @param text   the decoded line, or null when {@code error} says why it could not be read
     * @param error  what is wrong with the line's bytes, or null
     */
    public record Line(int number, String text, String error) {
    }

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int number;

    /** @param in the batch, buffered by the caller (it is read a byte at a time) */
    public RequestLines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the input. */
    public Line next() throws IOException {
        bytes.reset();
        boolean tooLong = false;
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            if (bytes.size() < MAX_LINE_BYTES) {
                bytes.write(b);
            } else {
                tooLong = true;
            }
            b = in.read();
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "line longer than " + MAX_LINE_BYTES + " bytes; a request is one short"
                    + " JSON object per line");
        }
        byte[] line = bytes.toByteArray();
        int start = number == 1 && startsWithBom(line) ? BOM.length : 0;
        int end = line.length > start && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
        try {
            return new Line(number, decoder.decode(ByteBuffer.wrap(line, start, end - start)).toString(), null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, notUtf8(line, start, end));
        }
    }

    private static boolean startsWithBom(byte[] line) {
        return line.length >= BOM.length && line[0] == BOM[0] && line[1] == BOM[1] && line[2] == BOM[2];
    }

    /** Names the first byte that is not UTF-8, by its 1-based byte column on the line. */
    private String notUtf8(byte[] line, int start, int end) {
        ByteBuffer input = ByteBuffer.wrap(line, start, end - start);
        decoder.reset();
        CharBuffer sink = CharBuffer.allocate(end - start);
        decoder.decode(input, sink, true);
        int at = input.position();
        return String.format("not UTF-8: byte 0x%02X at byte %d of the line; save the file as UTF-8",
                line[at] & 0xFF, at + 1);
    }
}
