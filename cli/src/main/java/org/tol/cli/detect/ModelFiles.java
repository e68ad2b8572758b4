package org.tol.cli.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tol.api.TolException;
import org.tol.api.model.Device;
import org.tol.api.model.InferenceModel;
import org.tol.api.model.ModelOptions;
import org.tol.models.EngineRegistry;

/** Loads detector model files through the engine registry and fingerprints them. */
final class ModelFiles {
    private ModelFiles() {}

    /** Fails with a user error when the file is missing, before any rank work starts. */
    static Path existing(Path file, String option) {
        if (file == null || !Files.isRegularFile(file)) {
            throw TolException.usage(option + " " + file + ": no such file",
                    "pass an exported .onnx file (see docs/detectors.md; 'tol models demo' writes tiny demo models)");
        }
        return file;
    }

    /** Loads {@code file} on {@code device} with the engine that accepts it (ONNX for these detectors). */
    static InferenceModel load(Path file, Device device) throws Exception {
        return EngineRegistry.load().load(file, null, new ModelOptions(device, null, false, 0));
    }

    /** SHA-256 of the file's bytes, hex; identifies the weights in the run fingerprint. */
    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
