#!/usr/bin/env node
// The `layergraph` command: a shim over the compiled CLI (run `npm run build` first).
'use strict';
require('../out/src/cli/main.js').main();
