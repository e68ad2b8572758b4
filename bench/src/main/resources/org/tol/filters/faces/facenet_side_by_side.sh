#!/usr/bin/env bash
# tol filter faces vs facenet-pytorch MTCNN.detect, same trained weights, same images, interleaved (docs/detectors.md).
#   facenet_side_by_side.sh TOL PYTHONPATH_DIR MODELS_DIR PARQUET_DIR PNG_DIR ROUNDS WORK
# TOL: the tol launcher; PYTHONPATH_DIR holds facenet_pytorch (a checkout of timesler/facenet-pytorch under that
# name); MODELS_DIR: export_mtcnn.py's ONNX files of the same checkout; PARQUET_DIR and PNG_DIR: the same images
# (PNG_DIR from 'tol decode --format png'). Prints one line per run: side threads wall user sys peak_rss_kb.
set -euo pipefail
TOL=$1; PYP=$2; MODELS=$3; PQ=$4; PNG=$5; ROUNDS=$6; WORK=$7
HERE=$(cd "$(dirname "$0")" && pwd)
PY=${PYTHON:-/usr/bin/python3}
mkdir -p "$WORK"
for r in $(seq 1 "$ROUNDS"); do
  for t in 1 2; do
    cpus=0; [ "$t" = 2 ] && cpus=0,1
    rm -rf "$WORK/tol-out"
    /usr/bin/time -o "$WORK/time" -f '%e %U %S %M' taskset -c $cpus env TOL_HEAP=${TOL_HEAP:-1g} "$TOL" -q filter faces \
      --input "$PQ" --output "$WORK/tol-out" --models-dir "$MODELS" --device cpu --prep-threads "$t" \
      ${TOL_ARGS:-} >/dev/null
    echo "tol $t $(cat "$WORK/time")"
    /usr/bin/time -o "$WORK/time" -f '%e %U %S %M' taskset -c $cpus env PYTHONPATH="$PYP" "$PY" \
      "$HERE/facenet_detect_reference.py" --images "$PNG" --threads "$t" --out "$WORK/ref.jsonl" 2>/dev/null \
      | sed 's/^REF /facenet-detect /'
    echo "facenet $t $(cat "$WORK/time")"
  done
done
