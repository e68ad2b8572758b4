#!/usr/bin/env python3
"""Reference vectors for tol's CLIP preprocessing, made with Pillow (the reference's PIL/torchvision path).

For synthetic RGB images whose pixels both sides compute from a formula (see pattern()), records what OpenAI
CLIP's preprocess produces: Resize(336, BICUBIC) -> CenterCrop(336) (torchvision's size and offset rules) ->
ToTensor -> Normalize(mean, std), the last two in float32 exactly as torchvision does them (numpy float32
here; torchvision is not packaged in Debian). Writes SHA-256 digests of the uint8 crop and of the planar
float32 tensor, plus a few values, to filters/src/test/resources/clip/pil_reference.json.

    /usr/bin/python3 filters/testdata/make_clip_preprocess_reference.py
"""
import hashlib
import json
import sys

import numpy as np
from PIL import Image

MEAN = np.array([0.48145466, 0.4578275, 0.40821073], dtype=np.float32)
STD = np.array([0.26862954, 0.26130258, 0.27577711], dtype=np.float32)
SIZES = [(500, 375), (375, 500), (200, 150), (336, 400), (701, 453), (1000, 337), (720, 540), (97, 1301),
         (1400, 1050), (3, 2)]


def pattern(w, h):
    y, x = np.mgrid[0:h, 0:w].astype(np.int64)
    chans = [(x * x * 3 + y * 7 + x * y + c * 85 + ((x * 13) ^ (y * 29))) & 255 for c in range(3)]
    return np.stack(chans, axis=-1).astype(np.uint8)


def clip_preprocess(img, n=336):
    w, h = img.size
    short, long = (w, h) if w <= h else (h, w)
    new_long = int(n * long / short)
    size = (n, new_long) if w <= h else (new_long, n)
    img = img.resize(size, Image.BICUBIC)
    top = int(round((size[1] - n) / 2.0))
    left = int(round((size[0] - n) / 2.0))
    crop = np.asarray(img.crop((left, top, left + n, top + n)).convert("RGB"))
    t = crop.astype(np.float32).transpose(2, 0, 1) / np.float32(255)
    t = (t - MEAN[:, None, None]) / STD[:, None, None]
    return crop, t.astype("<f4")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "filters/src/test/resources/clip/pil_reference.json"
    cases = []
    for w, h in SIZES:
        crop, t = clip_preprocess(Image.fromarray(pattern(w, h), "RGB"))
        cases.append({
            "width": w, "height": h,
            "crop_sha256": hashlib.sha256(crop.tobytes()).hexdigest(),
            "tensor_sha256": hashlib.sha256(t.tobytes()).hexdigest(),
            "crop_first8": crop.reshape(-1)[:8].tolist(),
            "tensor_first4": [float(v) for v in t.reshape(-1)[:4]],
        })
    with open(out, "w") as f:
        json.dump({"generator": "Pillow " + Image.__version__ + ", numpy " + np.__version__, "cases": cases}, f, indent=1)
    print("wrote", out)


if __name__ == "__main__":
    main()
