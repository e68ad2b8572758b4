#!/usr/bin/env python3
"""Get OpenAI CLIP ViT-L/14@336px for tol: the JIT archive (DJL engine) and/or an fp16 ONNX visual encoder.

Needs Python with torch, internet, and OpenAI's package at the commit the reference pins:
    pip install torch onnx onnxconverter-common git+https://github.com/openai/CLIP.git@dcba3cb

    python export_clip.py --out-dir models/            # writes both files below
    python export_clip.py --out-dir models/ --no-onnx  # only the JIT archive

Writes
  ViT-L-14-336px.pt        OpenAI's TorchScript (JIT) archive, as downloaded by clip.load (weights fp16).
                           tol: --engine djl --method encode_image  (input [N,3,336,336], output [N,768])
  clip-vitl14-336-fp16.onnx  visual encoder only, fp16 weights and fp16 I/O, dynamic batch:
                           input "image" [N,3,336,336] float16 -> output "embedding" [N,768] float16
                           (tol feeds float32 and converts at the boundary)
Not run in CI.
"""
import argparse
import os
import shutil

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=".")
    ap.add_argument("--no-onnx", action="store_true")
    ap.add_argument("--opset", type=int, default=17)
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)

    import clip  # OpenAI's package

    # clip.load downloads the JIT archive to ~/.cache/clip and checks its SHA-256.
    clip.load("ViT-L/14@336px", device="cpu", jit=True)
    cached = os.path.expanduser("~/.cache/clip/ViT-L-14-336px.pt")
    shutil.copy(cached, os.path.join(args.out_dir, "ViT-L-14-336px.pt"))
    print("JIT archive:", os.path.join(args.out_dir, "ViT-L-14-336px.pt"))
    if args.no_onnx:
        return

    model, _ = clip.load("ViT-L/14@336px", device="cpu", jit=False)
    visual = model.visual.float().eval()

    class ImageEncoder(torch.nn.Module):
        def __init__(self, v):
            super().__init__()
            self.v = v

        def forward(self, image):
            return self.v(image)  # same as model.encode_image, un-normalised features

    fp32 = os.path.join(args.out_dir, "clip-vitl14-336-fp32.onnx")
    torch.onnx.export(ImageEncoder(visual), torch.randn(1, 3, 336, 336), fp32, input_names=["image"],
                      output_names=["embedding"], dynamic_axes={"image": {0: "N"}, "embedding": {0: "N"}},
                      opset_version=args.opset, do_constant_folding=True)
    import onnx
    from onnxconverter_common import float16

    m16 = float16.convert_float_to_float16(onnx.load(fp32), keep_io_types=False)
    out = os.path.join(args.out_dir, "clip-vitl14-336-fp16.onnx")
    onnx.save(m16, out)
    os.remove(fp32)
    print("ONNX fp16 visual encoder:", out)


if __name__ == "__main__":
    main()
