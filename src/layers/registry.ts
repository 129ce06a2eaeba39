// The layer catalog's index: finds a LayerDef by Keras class name (or alias) and by TF.js factory name.
// Each family file registers its layers; this file only indexes them.

import type { LayerDef } from './types';
import { coreLayers } from './core';
import { mergeLayers } from './merge';
import { reshapeLayers } from './reshape';
import { normalizationLayers } from './normalization';
import { embeddingLayers } from './embedding';
import { convLayers } from './conv';
import { poolingLayers } from './pooling';
import { recurrentLayers } from './recurrent';
import { lambdaLayers } from './lambda';
import { activationLayers } from './activation';
import { attentionLayers } from './attention';
import { normalization2Layers } from './normalization2';
import { preprocessingLayers } from './preprocessing';
import { wrapperLayers } from './wrappers';
import { paddingLayers } from './padding';
import { depthwiseLayers } from './depthwise';
import { rnnCellLayers } from './rnnCells';
import { convLstmLayers } from './convLstm';

const byKerasName = new Map<string, LayerDef>();
const byTfjsFactory = new Map<string, LayerDef>();

function register(defs: LayerDef[]): void {
  for (const def of defs) {
    byKerasName.set(def.className, def);
    for (const alias of def.aliases ?? []) byKerasName.set(alias, def);
    if (def.tfjsFactory) byTfjsFactory.set(def.tfjsFactory, def);
    for (const alias of def.tfjsAliases ?? []) byTfjsFactory.set(alias, def);
  }
}

for (const family of [coreLayers, mergeLayers, reshapeLayers, normalizationLayers, embeddingLayers, convLayers, depthwiseLayers, poolingLayers, recurrentLayers, rnnCellLayers, convLstmLayers, paddingLayers, lambdaLayers, activationLayers, attentionLayers, normalization2Layers, preprocessingLayers, wrapperLayers]) register(family);

/** `Dense`, `Conv2D`, or an alias like `MaxPool2D`. */
export function layerByKerasName(name: string): LayerDef | undefined {
  return byKerasName.get(name);
}

/** `dense`, `conv2d`: the name after `tf.layers.`. */
export function layerByTfjsFactory(name: string): LayerDef | undefined {
  return byTfjsFactory.get(name);
}

export function allLayers(): LayerDef[] {
  return [...new Set(byKerasName.values())];
}
