#!/usr/bin/env python3
"""Writes tiny_clip_encode_image.pt: a TorchScript archive with the CLIP image-encoder signature.

Like OpenAI's JIT CLIP archive it has an ``encode_image`` method taking [N, 3, 336, 336] float images and
returning [N, D] embeddings (here D = 4). The maths is simple enough for tol's tests to recompute:

    pooled[n, c*9 + i*3 + j] = mean of image[n, c, 112*i : 112*(i+1), 112*j : 112*(j+1)]   (27 values)
    embedding[n, k]          = sum_m pooled[n, m] * W[m, k] + B[k]
    W[m, k] = ((m * 7 + k * 3) % 11 - 5) / 10,   B[k] = k / 10 - 0.1

``forward`` is the same as ``encode_image``; ``encode_text`` exists (and returns zeros) so that method
listing has more than one name. Made with Debian's python3-torch (1.13):

    /usr/bin/python3 models/testdata/make_tiny_clip_torchscript.py models/src/test/resources/models/tiny_clip_encode_image.pt
"""
import sys

import torch


class TinyClip(torch.nn.Module):
    def __init__(self):
        super().__init__()
        w = torch.tensor([[((m * 7 + k * 3) % 11 - 5) / 10 for k in range(4)] for m in range(27)],
                         dtype=torch.float32)
        self.proj = torch.nn.Parameter(w, requires_grad=False)
        self.bias = torch.nn.Parameter(torch.tensor([k / 10 - 0.1 for k in range(4)]), requires_grad=False)

    @torch.jit.export
    def encode_image(self, image: torch.Tensor) -> torch.Tensor:
        pooled = torch.nn.functional.avg_pool2d(image, kernel_size=112, stride=112)  # [N, 3, 3, 3]
        return pooled.flatten(1) @ self.proj + self.bias

    @torch.jit.export
    def encode_text(self, text: torch.Tensor) -> torch.Tensor:
        return torch.zeros(text.shape[0], 4)

    def forward(self, image: torch.Tensor) -> torch.Tensor:
        return self.encode_image(image)


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "tiny_clip_encode_image.pt"
    module = torch.jit.script(TinyClip().eval())
    module.save(out)
    check = torch.jit.load(out)
    x = torch.rand(2, 3, 336, 336)
    assert torch.allclose(check.encode_image(x), TinyClip().encode_image(x))
    print("wrote", out)
