package org.tol.api.model;

/** Element types a model input/output may declare. Tensors passed to and from models are float32. */
public enum DType {
    FLOAT32, FLOAT16, FLOAT64, BFLOAT16, INT64, INT32, INT8, UINT8, BOOL, UNKNOWN
}
