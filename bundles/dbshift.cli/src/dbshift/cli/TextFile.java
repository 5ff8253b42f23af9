package dbshift.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import dbshift.core.run.MigrationException;

/**
 * A script file named by an option, read as SQL Server's tools write it: UTF-8, or UTF-16 with its byte order
 * mark (what SSMS "Generate Scripts" saves as Unicode). Anything else is refused naming the option, the file and
 * what is wrong with it, always as bad usage (exit 2), whichever command reads it.
 */
final class TextFile {
    private TextFile() {
    }

    static String read(String option, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw refused(option, file, "no such file");
        } catch (AccessDeniedException e) {
            throw refused(option, file, "permission denied");
        } catch (IOException e) {
            throw refused(option, file, Files.isDirectory(file) ? "it is a folder, not a file" : "cannot read it (" + e + ")");
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf) {
            skip = 3;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        if (charset == StandardCharsets.UTF_8) {
            for (int i = skip; i < bytes.length; i++) {
                if (bytes[i] == 0) {
                    throw refused(option, file, "it is not a text file (byte " + i + " is a NUL byte; a binary file, or UTF-16 "
                            + "without a byte order mark): give a SQL script saved as UTF-8 or as UTF-16 with a byte order mark");
                }
            }
        }
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
        } catch (CharacterCodingException e) {
            throw refused(option, file, "it is not valid " + charset.name() + " text (" + firstBadByte(bytes, skip, charset)
                    + "): save the script as UTF-8 (or UTF-16 with a byte order mark) and try again");
        }
    }

    private static String firstBadByte(byte[] bytes, int from, Charset charset) {
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, bytes.length - from);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? "at byte " + in.position() : "an invalid byte sequence";
    }

    private static MigrationException refused(String option, Path file, String why) {
        return new MigrationException(option + " " + file + ": " + why, MigrationException.USAGE);
    }
}
