#!/usr/bin/env python3
"""Compares tol filter faces' detections (JSON lines uuid/faces, e.g. dumped with DuckDB's to_json) with
facenet_detect_reference.py's (boxes in 720x720 working pixels), mapping the reference boxes to original
pixels as tol does (x * W / 720, y * H / 720).

    python3 compare_faces.py --tol tol.jsonl --ref ref.jsonl --images DIR [--box-tol 0.5] [--prob-tol 1e-4]
"""
import argparse
import json
import os

from PIL import Image


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tol", required=True)
    ap.add_argument("--ref", required=True)
    ap.add_argument("--images", required=True)
    ap.add_argument("--box-tol", type=float, default=0.5, help="max |dx| in original pixels")
    ap.add_argument("--prob-tol", type=float, default=1e-4)
    a = ap.parse_args()
    tol = {r["uuid"]: r["faces"] or [] for r in map(json.loads, open(a.tol))}
    ref = {r["uuid"]: r for r in map(json.loads, open(a.ref))}
    images = count_eq = faces_ref = faces_tol = matched = 0
    max_box = max_prob = 0.0
    diffs = []
    for uuid, r in sorted(ref.items()):
        images += 1
        w, h = Image.open(os.path.join(a.images, uuid + ".png")).size
        rb = [[b[0] * w / 720, b[1] * h / 720, b[2] * w / 720, b[3] * h / 720] for b in r["boxes"]]
        tf = tol.get(uuid, [])
        faces_ref += len(rb)
        faces_tol += len(tf)
        if len(rb) == len(tf):
            count_eq += 1
        else:
            diffs.append((uuid, len(rb), len(tf)))
        used = set()
        for b, p in zip(rb, r["probs"]):
            best, bi = None, None
            for i, f in enumerate(tf):
                if i in used:
                    continue
                d = max(abs(x - y) for x, y in zip(b, f["box"]))
                if best is None or d < best:
                    best, bi = d, i
            if best is not None and best <= a.box_tol and abs(p - tf[bi]["prob"]) <= a.prob_tol:
                used.add(bi)
                matched += 1
            if best is not None:
                max_box = max(max_box, best)
                max_prob = max(max_prob, abs(p - tf[bi]["prob"]))
    print(json.dumps({"images": images, "face_counts_equal": count_eq, "faces_reference": faces_ref,
                      "faces_tol": faces_tol, "faces_matched": matched, "box_tol_px": a.box_tol,
                      "prob_tol": a.prob_tol, "max_box_diff_px": max_box, "max_prob_diff": max_prob,
                      "count_mismatches": diffs[:10]}))


if __name__ == "__main__":
    main()
