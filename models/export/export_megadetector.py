#!/usr/bin/env python3
"""Export MegaDetector to ONNX for tol's megadetector filter (not run in CI).

v6 (the reference's MDV6-yolov10-e, a YOLOv10-X trained at 1280; run at 640 by the reference):
    pip install ultralytics onnx
    # weights: https://zenodo.org/records/15398270 (MDV6-yolov10-e-1280.pt), see PytorchWildlife's model zoo
    python export_megadetector.py --weights MDV6-yolov10-e-1280.pt --imgsz 640 --out md_v6_yolov10e_640.onnx

v5a (YOLOv5x6, 1280):
    git clone https://github.com/ultralytics/yolov5 && pip install -r yolov5/requirements.txt onnx
    python yolov5/export.py --weights md_v5a.0.0.pt --include onnx --imgsz 1280 --dynamic --opset 17

Signature tol expects (checked at start-up by shape; names are free):
    input  [N, 3, S, S] float32, RGB 0..1, letterboxed to S (640 for v6 as the reference ran it)
    output YOLOv5: [N, A, 8] (cx, cy, w, h, objectness, 3 class scores: animal, person, vehicle)
           YOLOv8/9/11: [N, 7, A] (cx, cy, w, h, 3 class scores)
           YOLOv10 (end-to-end, NMS-free): [N, 300, 6] (x1, y1, x2, y2, score, class)
"""
import argparse


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--weights", required=True)
    ap.add_argument("--imgsz", type=int, default=640)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    from ultralytics import YOLO

    path = YOLO(args.weights).export(format="onnx", imgsz=args.imgsz, dynamic=True, half=False, opset=17,
                                     simplify=True)
    if args.out:
        import shutil
        shutil.move(path, args.out)
        path = args.out
    print("wrote", path)


if __name__ == "__main__":
    main()
