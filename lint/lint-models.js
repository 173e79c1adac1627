#!/usr/bin/env node
/*
 * Lints every processes/*.bpmn with the rules Camunda Modeler applies to a Camunda Platform 7.24
 * model (see .bpmnlintrc), plus import warnings from reading the XML with the Camunda moddle
 * extension (unknown elements/attributes, unresolved references). Prints a report per file and
 * exits non-zero if any file has an error (warnings are printed but do not fail; --max-warnings=N
 * makes more than N warnings fail as well).
 *
 * Usage (from anywhere): node lint/lint-models.js [--max-warnings=N] [file.bpmn ...]
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { createRequire } = require('node:module');

const lintDir = __dirname;
const projectDir = path.resolve(lintDir, '..');
const processesDir = path.join(projectDir, 'processes');

function loadDependencies() {
  try {
    const { BpmnModdle } = require('bpmn-moddle');
    const camundaModdle = require('camunda-bpmn-moddle/resources/camunda.json');
    const { Linter } = require('bpmnlint');
    const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');
    return { BpmnModdle, camundaModdle, Linter, NodeResolver };
  } catch (error) {
    console.error(`Cannot load the linter (${error.message}).`);
    console.error('Install it first: npm ci --prefix lint');
    process.exit(2);
  }
}

function parseArgs(argv) {
  let maxWarnings = -1;
  const files = [];
  for (const arg of argv) {
    const match = /^--max-warnings=(\d+)$/.exec(arg);
    if (match) {
      maxWarnings = Number(match[1]);
    } else {
      files.push(path.resolve(arg));
    }
  }
  if (files.length === 0) {
    for (const name of fs.readdirSync(processesDir).sort()) {
      if (name.endsWith('.bpmn')) {
        files.push(path.join(processesDir, name));
      }
    }
  }
  return { maxWarnings, files };
}

async function lintFile(file, { BpmnModdle, camundaModdle, Linter, NodeResolver }, config) {
  const moddle = new BpmnModdle({ camunda: camundaModdle });
  const xml = fs.readFileSync(file, 'utf8');
  const problems = [];

  let rootElement;
  try {
    const result = await moddle.fromXML(xml, 'bpmn:Definitions');
    rootElement = result.rootElement;
    for (const warning of result.warnings || []) {
      problems.push({
        id: warning.element && warning.element.id || '',
        category: 'error',
        message: 'Import warning: ' + String(warning.message).split('\n')[0],
        rule: 'import'
      });
    }
  } catch (error) {
    problems.push({ id: '', category: 'error', message: 'Parse error: ' + error.message, rule: 'import' });
    return problems;
  }

  // resolve rules and configs from lint/node_modules, whatever the working directory
  const resolver = new NodeResolver({ require: createRequire(path.join(lintDir, 'package.json')) });
  const linter = new Linter({ config, resolver });
  const reports = await linter.lint(rootElement);
  for (const [rule, ruleReports] of Object.entries(reports)) {
    for (const report of ruleReports) {
      problems.push({ id: report.id || '', category: report.category, message: report.message, rule });
    }
  }
  return problems;
}

async function main() {
  const deps = loadDependencies();
  const config = JSON.parse(fs.readFileSync(path.join(lintDir, '.bpmnlintrc'), 'utf8'));
  const { maxWarnings, files } = parseArgs(process.argv.slice(2));

  if (files.length === 0) {
    console.error(`No .bpmn files found in ${processesDir}`);
    process.exit(1);
  }

  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const problems = await lintFile(file, deps, config);
    const relative = path.relative(projectDir, file);
    if (problems.length === 0) {
      console.log(`✔ ${relative}`);
      continue;
    }
    console.log(`${relative}`);
    for (const p of problems) {
      const category = p.category === 'warn' ? 'warning' : p.category;
      if (category === 'error') errors++;
      if (category === 'warning') warnings++;
      console.log(`  ${p.id.padEnd(40)} ${category.padEnd(8)} ${p.message}  (${p.rule})`);
    }
  }

  console.log(`\n${files.length} model(s) linted: ${errors} error(s), ${warnings} warning(s)`);
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) {
    process.exit(1);
  }
}

main().catch((error) => {
  console.error(error && error.stack || error);
  process.exit(1);
});
