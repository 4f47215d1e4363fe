#!/usr/bin/env node
// The phi-scan command. The code is in src/cli/main.ts, compiled into dist/ by `npm run build`.
import { main } from '../dist/src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
