package org.tol.stages.wds;

import java.util.function.Supplier;
import org.tol.api.image.DecodeResult;
import org.tol.wds.taxon.Taxon;

/** One would-be sample: its key, how to decode its image (run on a worker thread), its taxon and common name. */
public record SampleItem(String key, Supplier<DecodeResult> image, Taxon taxon, String common) {}
