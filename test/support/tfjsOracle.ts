// Test support: runs a layer both through LayerGraph's catalog and through TensorFlow.js itself, so tests can
// compare output shapes, parameter counts and whether each one rejects the input.

import * as tf from '@tensorflow/tfjs';
import type { Shape } from '../../src/graph/shape';
import { callLayer, countParams, resolveConfig, validateConfig } from '../../src/layers/apply';
import { layerByTfjsFactory } from '../../src/layers/registry';
import type { ConfigValue, Dialect } from '../../src/layers/types';

tf.setBackend('cpu');

export interface Outcome {
  /** Output shapes (one per output tensor), batch axis included, unknown as null. */
  shapes?: Shape[];
  trainable?: number;
  nonTrainable?: number;
  /** The error message when the layer rejects its config or input. */
  error?: string;
}

/** Builds `tf.layers[factory](config)` and applies it to symbolic inputs of the given batch shapes. */
export function tfjsOutcome(factory: string, config: Record<string, unknown>, inputShapes: Shape[], multiInput = false): Outcome {
  try {
    const make = (tf.layers as unknown as Record<string, (c: unknown) => tf.layers.Layer>)[factory];
    if (!make) throw new Error(`tf.layers.${factory} does not exist`);
    const layer = make(config);
    const inputs = inputShapes.map((s) => tf.input({ batchShape: s as number[] }));
    const out = layer.apply(multiInput ? inputs : inputs[0]) as tf.SymbolicTensor | tf.SymbolicTensor[];
    const outs = Array.isArray(out) ? out : [out];
    const trainable = layer.trainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);
    const nonTrainable = layer.nonTrainableWeights.reduce((n, w) => n + w.shape.reduce((a: number, b) => a * (b as number), 1), 0);
    return { shapes: outs.map((t) => t.shape as Shape), trainable, nonTrainable };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** The same through LayerGraph's catalog, with a TF.js-style config (camelCase keys) and TF.js dialect. */
export function catalogOutcome(factory: string, config: Record<string, unknown>, inputShapes: Shape[], dialect: Dialect = 'tfjs'): Outcome {
  const def = layerByTfjsFactory(factory);
  if (!def) return { error: `catalog has no tf.layers.${factory}` };
  const { config: resolved } = resolveConfig(def, [], config as Record<string, ConfigValue>, dialect);
  const ctx = { dialect, layerName: `${factory}_test` };
  const bad = validateConfig(def, resolved, ctx);
  if (bad) return { error: bad.message };
  const outcome = callLayer(def, resolved, inputShapes, ctx, undefined);
  if (outcome.error) return { error: outcome.error.message };
  if (outcome.internalError) throw new Error(`catalog crashed: ${outcome.internalError}`);
  const counts = countParams(outcome.build?.weights ?? [], resolved.trainable !== false);
  return { shapes: outcome.outputs, trainable: counts.trainable ?? undefined, nonTrainable: counts.nonTrainable ?? undefined };
}

/** A small seeded PRNG (mulberry32) so random configurations are reproducible. */
export function rng(seed: number): { int(lo: number, hi: number): number; pick<T>(xs: readonly T[]): T; bool(): boolean } {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    bool: () => next() < 0.5,
  };
}
