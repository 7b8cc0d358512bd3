// @camunda/linting and @camunda/form-linting ship unbundled ESM without file extensions, which
// Node cannot load directly: bundle the lint script first. bpmnlint stays external (CommonJS,
// resolves its rules from node_modules at run time).
import { build } from 'esbuild';

await build({
  entryPoints: ['lint.mjs'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  outfile: 'dist/lint.cjs',
  external: ['bpmnlint', 'bpmnlint/*', 'jsdom', 'esbuild'],
  loader: { '.json': 'json' },
  logLevel: 'warning'
});
