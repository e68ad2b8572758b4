#!/usr/bin/env python3
"""facenet-pytorch's MTCNN.detect over image files, as TreeOfLife's faces script feeds it (side-by-side bench).

    PYTHONPATH=DIR_HOLDING_facenet_pytorch python3 facenet_detect_reference.py --images DIR --threads 1 \
        --batch 32 --out faces.jsonl

Every image is stretched to 720x720 with Pillow's bilinear resize (torchvision's Resize((720, 720)) on a PIL
image, as run_face_detection_distributed.py), turned into uint8 RGB and handed to MTCNN(thresholds=[0.9, 0.95,
0.95]) in batches (min face 20, factor 0.709: the library defaults the reference kept). MTCNN() loads the
trained weights facenet-pytorch ships in data/{pnet,rnet,onet}.pt. Writes one JSON line per image (uuid, boxes
in 720x720 working pixels, probabilities) and prints one summary line "REF {json}" with the process CPU
seconds of the resize + detect loop (file decoding is timed apart: the reference reads raw pixel cells).
"""
import argparse
import glob
import json
import os
import time

import numpy as np
import torch
from PIL import Image


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", required=True, help="folder of <uuid>.png (e.g. from tol decode --format png)")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    from facenet_pytorch import MTCNN

    mtcnn = MTCNN(image_size=160, margin=0, thresholds=[0.9, 0.95, 0.95], device="cpu")
    files = sorted(glob.glob(os.path.join(args.images, "**", "*.png"), recursive=True))
    c0 = time.process_time()
    decoded = [Image.open(f).convert("RGB") for f in files]
    for im in decoded:
        im.load()
    decode_cpu = time.process_time() - c0
    rows = []
    c0, t0 = time.process_time(), time.perf_counter()
    for i in range(0, len(decoded), args.batch):
        chunk = decoded[i:i + args.batch]
        arr = np.stack([np.asarray(im.resize((720, 720), Image.BILINEAR)) for im in chunk])
        with torch.no_grad():
            boxes, probs = mtcnn.detect(arr)
        for f, b, p in zip(files[i:i + args.batch], boxes, probs):
            uuid = os.path.splitext(os.path.basename(f))[0]
            rows.append({"uuid": uuid, "boxes": [] if b is None else b.tolist(),
                         "probs": [] if b is None else [float(x) for x in p]})
    cpu, wall = time.process_time() - c0, time.perf_counter() - t0
    if args.out:
        with open(args.out, "w") as fh:
            for r in rows:
                fh.write(json.dumps(r) + "\n")
    n = len(files)
    print("REF " + json.dumps({"images": n, "threads": args.threads, "detect_cpu_s": cpu, "detect_wall_s": wall,
                               "decode_cpu_s": decode_cpu, "images_per_cpu_s": n / cpu, "images_per_s": n / wall,
                               "faces": sum(len(r["boxes"]) for r in rows)}), flush=True)


if __name__ == "__main__":
    main()
