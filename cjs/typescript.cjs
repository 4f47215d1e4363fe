'use strict';
// The TypeScript that ts-morph bundles, for the analyzer's modules (`import ts from '#typescript'`).
// It is required here rather than imported by name: Node scans a CommonJS package imported by an ES
// module for its export names and for module syntax, ts-morph's several megabytes at every start of
// phi-scan (a tenth of a second). Assigned from a variable, since the scan follows
// `module.exports = require(…)` into the package too. Taken from @ts-morph/common, where ts-morph
// itself takes it: the analyzer uses none of ts-morph's own wrappers, whose loading costs as much again.
const common = require('@ts-morph/common');
module.exports = common.ts;
