package org.tol.io.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import org.tol.io.fs.AtomicFiles;
import org.tol.io.fs.NonClosingOutputStream;

/** The one configured Jackson mapper every stage uses for JSON summaries and metadata. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    public static void writeAtomically(Path target, Object value) throws IOException {
        // Jackson closes the stream it writes to; AtomicFiles still needs it open to fsync.
        AtomicFiles.write(target, out -> MAPPER.writeValue(new NonClosingOutputStream(out), value));
    }
}
