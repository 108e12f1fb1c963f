import { describe, expect, it } from "vitest";
import { manifestLayerSizes, newLayers } from "./layer-bytes.js";

describe("newLayers", () => {
  it("counts only the layers the earlier image lacked", () => {
    expect(newLayers(["a", "b", "c"], ["a", "b", "d", "e"], [100, 200, 300, 400])).toEqual({
      count: 2,
      bytes: 700,
    });
  });

  it("counts a layer that appears twice once", () => {
    expect(newLayers(["a"], ["a", "x", "x"], [1, 5, 5])).toEqual({ count: 1, bytes: 5 });
  });

  it("finds nothing new in the same image", () => {
    expect(newLayers(["a", "b"], ["a", "b"], [1, 2])).toEqual({ count: 0, bytes: 0 });
  });

  it("refuses sizes that do not match the layers", () => {
    expect(() => newLayers([], ["a"], [])).toThrow("1 layers but 0 layer sizes");
  });
});

describe("manifestLayerSizes", () => {
  const sizes = new Map([
    ["l1/layer.tar", 1024],
    ["l2/layer.tar", 2048],
    ["config.json", 10],
  ]);

  it("orders the sizes as the manifest lists the layers", () => {
    const manifest = JSON.stringify([{ Layers: ["l2/layer.tar", "l1/layer.tar", "l2/layer.tar"] }]);
    expect(manifestLayerSizes(manifest, sizes)).toEqual([2048, 1024, 2048]);
  });

  it("names a layer the archive does not hold", () => {
    const manifest = JSON.stringify([{ Layers: ["l3/layer.tar"] }]);
    expect(() => manifestLayerSizes(manifest, sizes)).toThrow("no entry l3/layer.tar");
  });

  it("refuses a manifest without layers", () => {
    expect(() => manifestLayerSizes("[]", sizes)).toThrow("lists no layers");
  });
});
