package org.tol.io.parquet;

import java.nio.file.Path;
import java.util.Map;

/**
 * One Parquet input: its path as given/listed (kept verbatim for the processed-files log), its size, and
 * the Hive-style {@code key=value} directory names above it, which become string columns.
 */
public record InputFile(Path path, long sizeBytes, Map<String, String> partitions) {}
