#!/usr/bin/env node
/**
 * Validates an add-in manifest against Microsoft's Office add-in XSD, offline, with xmllint compiled
 * to WebAssembly (the `xmllint-wasm` package from the npm registry: no system xmllint needed).
 *
 *   node scripts/validate-manifest.js [manifest.xml]       (npm run validate:manifest)
 *
 * The XSD files are not in this repository: they are read from ../shared/office-manifest-schemas
 * (or OFFICE_MANIFEST_SCHEMAS). Exit codes: 0 valid, 1 invalid, 3 schemas not found.
 * From Node: `await validateManifest(xmlText)` → { valid, errors } or throws SchemasMissingError.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_DIR = path.resolve(ROOT, process.env.OFFICE_MANIFEST_SCHEMAS || path.join('..', 'shared', 'office-manifest-schemas'));
const SCHEMA_MAIN = 'OfficeAppManifestV1_1.xsd';

class SchemasMissingError extends Error {}

function schemasPresent() {
  return fs.existsSync(path.join(SCHEMA_DIR, SCHEMA_MAIN));
}

function missingMessage() {
  return (
    `Office manifest schemas not found: ${path.join(SCHEMA_DIR, SCHEMA_MAIN)} does not exist. ` +
    'The schema check reads the folder ../shared/office-manifest-schemas next to this repository ' +
    '(or OFFICE_MANIFEST_SCHEMAS=<folder>); the manifest was NOT validated against the XSD.'
  );
}

/** Every .xsd in the schema folder, preloaded so that the main schema's xs:import finds them offline. */
function schemaFiles() {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.xsd'))
    .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8') }));
}

async function validateManifest(xmlText, fileName = 'manifest.xml') {
  if (!schemasPresent()) throw new SchemasMissingError(missingMessage());
  const { validateXML } = require('xmllint-wasm');
  const files = schemaFiles();
  const main = files.find((f) => f.fileName === SCHEMA_MAIN);
  const result = await validateXML({
    xml: [{ fileName, contents: xmlText }],
    schema: [main],
    preload: files.filter((f) => f !== main),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage.trim()) };
}

async function cli(argv) {
  const file = path.resolve(argv[0] || path.join(ROOT, 'manifest.xml'));
  try {
    const { valid, errors } = await validateManifest(fs.readFileSync(file, 'utf8'), path.basename(file));
    if (valid) {
      console.log(`${path.relative(process.cwd(), file) || file} validates against ${SCHEMA_MAIN}`);
      return 0;
    }
    console.error(errors.join('\n'));
    return 1;
  } catch (err) {
    if (err instanceof SchemasMissingError) {
      console.error(err.message);
      return 3;
    }
    throw err;
  }
}

module.exports = { validateManifest, schemasPresent, missingMessage, SchemasMissingError, SCHEMA_DIR, SCHEMA_MAIN };

if (require.main === module) {
  cli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
