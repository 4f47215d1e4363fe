'use strict';
// `require('eslint-plugin-phi')` for CommonJS configs: the plugin itself. Node 20.19 and later load
// the ES module synchronously (require(esm)), so this is the same plugin object `import` gives.
// The analyzer API is `require('eslint-plugin-phi/analyzer')`.
module.exports = require('../dist/src/index.js').default;
