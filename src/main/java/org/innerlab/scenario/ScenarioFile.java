package org.innerlab.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the text of a scenario file: its size is checked before a byte is read, and its bytes must be
 * UTF-8, or the error says where the first byte that is not UTF-8 sits (line, column and byte offset).
 * A UTF-8 byte order mark at the start is accepted and dropped (YAML allows it), so that columns on
 * the first line count from the first real character.
 */
final class ScenarioFile {
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ScenarioFile() {
    }

    /** The text of {@code file}. */
    static String read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > YamlReader.MAX_BYTES) {
                throw new ScenarioException(Origin.of(file), "", "the file has " + size + " bytes, more than "
                        + YamlReader.MAX_BYTES + " (1 MiB), the limit for a scenario",
                        "a scenario is a few kilobytes; check that this is the right file");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ScenarioException(Origin.of(file), "", "cannot read the file (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", null);
        }
        int start = startsWithBom(bytes) ? UTF8_BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw notUtf8(file, bytes, start, out.flip(), in.position());
        }
        decoder.flush(out);
        String text = out.flip().toString();
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw notUtf8(file, bytes, start, CharBuffer.wrap(text, 0, nul), start
                    + text.substring(0, nul).getBytes(StandardCharsets.UTF_8).length);
        }
        return text;
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= UTF8_BOM.length && bytes[0] == UTF8_BOM[0] && bytes[1] == UTF8_BOM[1]
                && bytes[2] == UTF8_BOM[2];
    }

    /**
     * The error for the byte at {@code offset}, located by the text decoded before it; a NUL byte or a
     * UTF-16 byte order mark says the file is probably UTF-16.
     */
    private static ScenarioException notUtf8(Path file, byte[] bytes, int start, CharSequence before, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < before.length(); i++) {
            char c = before.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
            } else if (!Character.isLowSurrogate(c)) {
                column++;
            }
        }
        int bad = bytes[offset] & 0xFF;
        boolean utf16 = bad == 0 || offset == start && (bad == 0xFE || bad == 0xFF);
        return new ScenarioException(Origin.at(file.toString(), line, column), "", String.format(
                "the file is not UTF-8: byte 0x%02X at byte offset %d%s", bad, offset, utf16
                        ? " (the file looks like UTF-16)" : ""), "save it as UTF-8");
    }
}
