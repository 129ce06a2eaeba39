// Reshape layers. (Placeholder: filled in by the catalog work.)

import type { LayerDef } from './types';

export const reshapeLayers: LayerDef[] = [];
