import { describe, expect, it } from 'vitest';
import { parseUnifiedDiff, touchesChangedLines } from '../../src/report/changedLines.js';
import { at, finding } from './sample.js';

const diff = `diff --git a/src/admit.ts b/src/admit.ts
index 1..2 100644
--- a/src/admit.ts
+++ b/src/admit.ts
@@ -3,0 +4,2 @@ function x() {
+added
+added
@@ -20,2 +22 @@
-gone
-gone
+replaced
@@ -40 +41,0 @@
-deleted
diff --git a/old.ts b/src/renamed.ts
similarity index 90%
rename from old.ts
rename to src/renamed.ts
--- a/old.ts
+++ b/src/renamed.ts
@@ -1 +1 @@
-a
+b
diff --git a/src/removed.ts b/src/removed.ts
--- a/src/removed.ts
+++ /dev/null
@@ -1 +0,0 @@
-x
diff --git "a/src/na\\303\\257ve.ts" "b/src/na\\303\\257ve.ts"
--- "a/src/na\\303\\257ve.ts"
+++ "b/src/na\\303\\257ve.ts"
@@ -2 +2 @@
-x
+y
`;

describe('parseUnifiedDiff', () => {
  it('collects the new line numbers of every hunk, by file', () => {
    const files = parseUnifiedDiff(diff, '/repo');
    expect([...files.keys()]).toEqual(['/repo/src/admit.ts', '/repo/src/renamed.ts', '/repo/src/naïve.ts']);
    expect([...(files.get('/repo/src/admit.ts') as Set<number>)].sort((a, b) => a - b)).toEqual([4, 5, 22, 41, 42]);
    expect([...(files.get('/repo/src/renamed.ts') as Set<number>)]).toEqual([1]);
  });
});

describe('touchesChangedLines', () => {
  const changed = { ref: 'main', base: 'abc', files: parseUnifiedDiff(diff, '/repo') };
  it('looks at the sink and every trace step', () => {
    expect(touchesChangedLines(finding({ sinkAt: at('src/admit.ts', 22, 1) }), changed)).toBe(true);
    const untouched = finding({ sinkAt: at('src/admit.ts', 30, 1) });
    expect(touchesChangedLines(untouched, changed)).toBe(false);
    const viaTrace = { ...untouched, trace: [{ ...untouched.trace[0]!, location: at('src/admit.ts', 5, 1) }] };
    expect(touchesChangedLines(viaTrace, changed)).toBe(true);
    changed.files.set('/repo/src/model.ts', 'all');
    expect(touchesChangedLines(untouched, changed)).toBe(true);
  });
});
