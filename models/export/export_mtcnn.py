#!/usr/bin/env python3
"""Export facenet-pytorch's MTCNN P-, R- and O-Net to ONNX for tol's faces filter (not run in CI).

    pip install facenet-pytorch onnx
    python export_mtcnn.py --out-dir models/mtcnn

Writes pnet.onnx, rnet.onnx, onet.onnx. tol feeds the nets exactly what facenet-pytorch feeds them (RGB,
(x - 127.5) * 0.0078125, facenet-pytorch's layout) and tells the outputs apart by shape, so names are free:
    pnet: "input" [N, 3, H, W] float32 (dynamic H, W) -> "prob" [N, 2, H', W'], "reg" [N, 4, H', W']
    rnet: "input" [N, 3, 24, 24] float32              -> "prob" [N, 2], "reg" [N, 4]
    onet: "input" [N, 3, 48, 48] float32              -> "prob" [N, 2], "reg" [N, 4], "landmarks" [N, 10]
(facenet-pytorch's nets return (reg, prob[, landmarks]); the names above are assigned by this export.)
"""
import argparse
import os

import torch


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out-dir", default=".")
    args = ap.parse_args()
    os.makedirs(args.out_dir, exist_ok=True)
    from facenet_pytorch.models.mtcnn import ONet, PNet, RNet

    class Named(torch.nn.Module):
        def __init__(self, net):
            super().__init__()
            self.net = net

        def forward(self, x):
            out = self.net(x)
            return (out[1], out[0]) + tuple(out[2:])  # prob, reg[, landmarks]

    specs = [("pnet", PNet(), (1, 3, 120, 120), ["prob", "reg"], {0: "N", 2: "H", 3: "W"}),
             ("rnet", RNet(), (1, 3, 24, 24), ["prob", "reg"], {0: "N"}),
             ("onet", ONet(), (1, 3, 48, 48), ["prob", "reg", "landmarks"], {0: "N"})]
    for name, net, shape, outputs, dyn in specs:
        net.eval()
        path = os.path.join(args.out_dir, name + ".onnx")
        axes = {"input": dyn}
        for o in outputs:
            axes[o] = {0: "N", 2: "H", 3: "W"} if name == "pnet" else {0: "N"}
        torch.onnx.export(Named(net), torch.randn(*shape), path, input_names=["input"], output_names=outputs,
                          dynamic_axes=axes, opset_version=17)
        print("wrote", path)


if __name__ == "__main__":
    main()
