package org.tol.models.supportset;

import org.tol.api.TolException;

/** A support-set file that is not one of the accepted forms, or is damaged or hostile. */
public final class SupportSetFormatException extends TolException {
    public static final String HINT = "a support set is a torch.save'd {label: tensor} dict (.pt), an .npz of "
            + "per-label arrays, a JSON object {label: [floats]} or a Parquet file with 'label' and 'embedding' "
            + "columns; 'tol support-set inspect FILE' shows what tol reads";

    public SupportSetFormatException(String message) {
        super(message, HINT);
    }

    public SupportSetFormatException(String message, Throwable cause) {
        super(message, HINT, org.tol.api.ExitCodes.FAILURE, cause);
    }
}
