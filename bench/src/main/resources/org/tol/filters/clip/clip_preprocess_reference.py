"""The reference side of `tol bench clip-preprocess --reference-python PY`: OpenAI CLIP's `_transform(336)`
(torchvision Resize(336, BICUBIC) on a PIL image, CenterCrop(336), RGB, ToTensor, Normalize) applied to raw
BGR cells the way the TreeOfLife scripts decode them (`decode_images.decode_image`: view the bytes as uint8,
reshape to (h, w, 3), reverse the channel axis, `Image.fromarray`).

Reads `count` cells of h*w*3 bytes from `--cells`, runs the pipeline round robin for `--seconds` after a
warm-up on one thread, and prints one JSON line: images, wall seconds, this process's CPU seconds, and the
sha256 of the first cell's float32 tensor (little-endian, planar [3, size, size]) so the Java side can check
that both computed the same numbers. Without torchvision the same steps run in Pillow + numpy ("impl" says
which).
"""
import argparse
import hashlib
import json
import os
import sys
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

MEAN = (0.48145466, 0.4578275, 0.40821073)
STD = (0.26862954, 0.26130258, 0.27577711)
VERSIONS = {}


def torchvision_transform(size):
    import torch
    from torchvision.transforms import CenterCrop, Compose, InterpolationMode, Normalize, Resize, ToTensor

    torch.set_num_threads(1)
    # clip/clip.py _transform(n_px), verbatim but for the lambda's name
    t = Compose([
        Resize(size, interpolation=InterpolationMode.BICUBIC),
        CenterCrop(size),
        lambda image: image.convert("RGB"),
        ToTensor(),
        Normalize(MEAN, STD),
    ])
    import torchvision

    VERSIONS.update(torch=torch.__version__, torchvision=torchvision.__version__)
    return lambda img: t(img).numpy()


def pillow_numpy_transform(size):
    mean = np.array(MEAN, dtype=np.float32).reshape(3, 1, 1)
    std = np.array(STD, dtype=np.float32).reshape(3, 1, 1)

    def run(img):
        w, h = img.size
        # torchvision's Resize(int): short side to size, long side int(size * long / short)
        ow, oh = (size, int(size * h / w)) if w <= h else (int(size * w / h), size)
        img = img.resize((ow, oh), Image.BICUBIC)
        left, top = int(round((ow - size) / 2.0)), int(round((oh - size) / 2.0))
        img = img.crop((left, top, left + size, top + size)).convert("RGB")
        x = np.asarray(img, dtype=np.float32).transpose(2, 0, 1) / np.float32(255)
        return (x - mean) / std

    return run


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--cells", required=True)
    p.add_argument("--width", type=int, required=True)
    p.add_argument("--height", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--seconds", type=float, default=5.0)
    p.add_argument("--size", type=int, default=336)
    p.add_argument("--impl", choices=["auto", "torchvision", "pillow"], default="auto")
    a = p.parse_args()
    impl = a.impl
    transform = None
    if impl in ("auto", "torchvision"):
        try:
            transform = torchvision_transform(a.size)
            impl = "torchvision"
        except ImportError:
            if impl == "torchvision":
                raise
    if transform is None:
        transform = pillow_numpy_transform(a.size)
        impl = "pillow+numpy"
    n = a.width * a.height * 3
    with open(a.cells, "rb") as f:
        data = f.read()
    cells = [data[i * n:(i + 1) * n] for i in range(a.count)]

    def one(cell):
        # decode_images.decode_image: bytes -> (h, w, 3) BGR -> RGB
        arr = np.frombuffer(cell, dtype=np.uint8).reshape(a.height, a.width, 3)[..., ::-1]
        return transform(Image.fromarray(arr))

    first = np.ascontiguousarray(one(cells[0]), dtype="<f4")
    digest = hashlib.sha256(first.tobytes()).hexdigest()
    warm_end = time.perf_counter() + min(1.0, a.seconds)
    i = 0
    while time.perf_counter() < warm_end:
        one(cells[i % len(cells)])
        i += 1
    images = 0
    c0 = time.process_time()
    t0 = time.perf_counter()
    end = t0 + a.seconds
    while time.perf_counter() < end:
        one(cells[images % len(cells)])
        images += 1
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    print(json.dumps({"impl": impl, "images": images, "seconds": dt, "cpu_seconds": cpu,
                      "images_per_second": images / dt, "images_per_cpu_second": images / cpu,
                      "tensor_sha256": digest, "python": sys.version.split()[0],
                      "pillow": Image.__version__, **VERSIONS}))


if __name__ == "__main__":
    main()
