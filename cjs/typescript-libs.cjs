'use strict';
// TypeScript's lib files as text, as ts-morph ships them; required for the reason cjs/typescript.cjs gives.
const common = require('@ts-morph/common');
module.exports = common.getLibFiles();
