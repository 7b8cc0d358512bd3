// Checks every model a modeler edits, and fails on any error or warning:
//  - processes/*.bpmn with Camunda Modeler's own linter (@camunda/linting, execution platform
//    Camunda Platform 7.24.0) and with bpmnlint:recommended;
//  - forms/*.form with @camunda/form-linting (7.24 has no mapping; 7.22 uses the same form-js 1.8.7)
//    and by rendering them with form-js 1.8.7, the version Tasklist 7.24 bundles;
//  - .camunda/element-templates/*.json against the Camunda 7 element template schema.
import fs from 'node:fs';
import path from 'node:path';
import { Linter as ModelerLinter } from '@camunda/linting';
import { FormLinter } from '@camunda/form-linting';
import Ajv from 'ajv';
import templateSchema from '@camunda/element-templates-json-schema/resources/schema.json';

const { Linter: BpmnLinter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
const BpmnModdle = require('bpmn-moddle').BpmnModdle || require('bpmn-moddle');
const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');

const root = path.resolve(process.argv[2] || '../..');
const problems = [];
const report = (file, message) => problems.push(`${path.relative(root, file)}: ${message}`);
const files = (dir, ext) => fs.existsSync(dir) ? fs.readdirSync(dir).filter(name => name.endsWith(ext)).map(name => path.join(dir, name)) : [];

async function lintProcesses() {
  const modeler = new ModelerLinter({ modeler: 'desktop', type: 'platform' });
  const recommended = new BpmnLinter({
    config: { extends: ['bpmnlint:recommended', 'plugin:camunda-compat/camunda-platform-7-24'] },
    resolver: new NodeResolver()
  });
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  for (const file of files(path.join(root, 'processes'), '.bpmn')) {
    const xml = fs.readFileSync(file, 'utf8');
    const { rootElement, warnings } = await moddle.fromXML(xml);
    warnings.forEach(warning => report(file, `import: ${warning.message}`));
    if (rootElement.get('modeler:executionPlatform') === undefined && !xml.includes('modeler:executionPlatform="Camunda Platform"')) {
      report(file, 'missing modeler:executionPlatform="Camunda Platform"');
    }
    if (!xml.includes('modeler:executionPlatformVersion="7.24.0"')) {
      report(file, 'missing modeler:executionPlatformVersion="7.24.0"');
    }
    for (const finding of await modeler.lint(xml)) {
      report(file, `[Camunda Modeler ${finding.category}] ${finding.id}: ${finding.message} (${finding.rule})`);
    }
    const results = await recommended.lint(rootElement);
    for (const [rule, findings] of Object.entries(results)) {
      for (const finding of findings) {
        report(file, `[bpmnlint ${finding.category}] ${finding.id || ''}: ${finding.message} (${rule})`);
      }
    }
  }
}

async function lintForms() {
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
  for (const name of ['window', 'document', 'navigator', 'HTMLElement', 'Node', 'Element', 'Event', 'CustomEvent',
    'MutationObserver', 'getComputedStyle', 'requestAnimationFrame', 'cancelAnimationFrame', 'DocumentFragment', 'SVGElement',
    'KeyboardEvent', 'MouseEvent', 'FocusEvent', 'InputEvent', 'Text', 'DOMParser', 'HTMLInputElement', 'HTMLTextAreaElement']) {
    if (!(name in globalThis) && dom.window[name]) {
      globalThis[name] = typeof dom.window[name] === 'function' && name === 'getComputedStyle' ? dom.window[name].bind(dom.window) : dom.window[name];
    }
  }
  const { Form } = await import('@bpmn-io/form-js-viewer');
  const linter = new FormLinter();
  for (const file of files(path.join(root, 'forms'), '.form')) {
    let schema;
    try {
      schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      report(file, `not JSON: ${error.message}`);
      continue;
    }
    if (schema.executionPlatform !== 'Camunda Platform' || schema.executionPlatformVersion !== '7.24.0') {
      report(file, 'executionPlatform must be "Camunda Platform" 7.24.0');
    }
    if (schema.id !== path.basename(file, '.form')) {
      report(file, `form id "${schema.id}" must equal the file name`);
    }
    for (const finding of linter.lint({ ...schema, executionPlatformVersion: '7.22.0' })) {
      report(file, `[form-linting ${finding.category || 'error'}] ${finding.id || ''}: ${finding.message}`);
    }
    const container = document.createElement('div');
    document.body.appendChild(container);
    const form = new Form({ container });
    try {
      const { warnings } = await form.importSchema(schema, {});
      (warnings || []).forEach(warning => report(file, `form-js: ${warning.message || warning}`));
    } catch (error) {
      report(file, `form-js cannot render it: ${error.message}`);
    } finally {
      form.destroy();
      container.remove();
    }
  }
}

function lintElementTemplates() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(templateSchema);
  for (const file of files(path.join(root, '.camunda', 'element-templates'), '.json')) {
    const templates = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!validate(templates)) {
      validate.errors.forEach(error => report(file, `schema: ${error.instancePath} ${error.message}`));
    }
  }
}

async function main() {
  await lintProcesses();
  await lintForms();
  lintElementTemplates();
  if (problems.length) {
    console.error(problems.join('\n'));
    console.error(`\nModel lint: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log('Model lint: processes, forms and element templates are clean');
}

main().catch(error => {
  console.error(error);
  process.exit(1);
});
