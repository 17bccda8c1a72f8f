/**
 * Development HTTPS certificates for https://localhost:3000, shared by scripts/start.js and
 * webpack.config.js. Wraps office-addin-dev-certs, which keeps its files in ~/.office-addin-dev-certs/.
 *
 * Why not just call ensureCertificatesAreInstalled() every time: when the CA is not in the system
 * trust store (always the case on Linux without sudo + update-ca-certificates), that call deletes and
 * regenerates the CA and the localhost certificate on every run, so any trust the developer gave the
 * previous CA in a browser (exception or NSS import) is lost at each `npm start`. On Linux we therefore
 * reuse existing, unexpired files when the system store does not hold the CA. Set
 * CREDIT_SCORE_RENEW_CERTS=1 to force office-addin-dev-certs to run anyway.
 */
'use strict';

const nodeCrypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CERT_DIR = path.join(os.homedir(), '.office-addin-dev-certs');
const CERT_FILES = {
  ca: path.join(CERT_DIR, 'ca.crt'),
  cert: path.join(CERT_DIR, 'localhost.crt'),
  key: path.join(CERT_DIR, 'localhost.key'),
};
const MIN_REMAINING_MS = 24 * 60 * 60 * 1000;

function oneLine(err) {
  return String(err && err.message ? err.message : err)
    .replace(/\s+/g, ' ')
    .trim();
}

/** What is on disk: which files exist, and whether they form a usable, unexpired certificate set. */
function certFileStatus() {
  const missing = Object.values(CERT_FILES).filter((f) => !fs.existsSync(f));
  if (missing.length > 0) return { usable: false, missing, problem: `missing ${missing.join(', ')}` };
  try {
    const ca = new nodeCrypto.X509Certificate(fs.readFileSync(CERT_FILES.ca));
    const cert = new nodeCrypto.X509Certificate(fs.readFileSync(CERT_FILES.cert));
    const key = nodeCrypto.createPrivateKey(fs.readFileSync(CERT_FILES.key));
    const validTo = new Date(Math.min(Date.parse(ca.validTo), Date.parse(cert.validTo)));
    if (!cert.checkPrivateKey(key)) return { usable: false, missing, problem: 'localhost.key does not match localhost.crt' };
    if (!cert.checkHost('localhost')) return { usable: false, missing, problem: 'localhost.crt is not valid for localhost' };
    if (validTo.getTime() - Date.now() < MIN_REMAINING_MS) {
      return { usable: false, missing, validTo, problem: `certificates expire ${validTo.toISOString()}` };
    }
    return { usable: true, missing, validTo };
  } catch (err) {
    return { usable: false, missing, problem: `cannot read certificates: ${oneLine(err)}` };
  }
}

/** true/false when office-addin-dev-certs can tell whether the OS trust store holds its CA, else null. */
function systemTrustsCa() {
  try {
    return Boolean(require('office-addin-dev-certs').isCaCertificateInstalled());
  } catch {
    return null;
  }
}

/** Linux, usable files, CA not in the system store: reuse them instead of letting them be regenerated. */
function shouldReuseUntrusted() {
  if (process.platform !== 'linux' || process.env.CREDIT_SCORE_RENEW_CERTS) return false;
  return certFileStatus().usable && systemTrustsCa() === false;
}

/**
 * Make sure certificate files exist (and try to trust the CA). Never throws.
 * @returns {Promise<{ filesOk: boolean, trusted: boolean|null, reused: boolean, error: string|null, status: object }>}
 */
async function ensureDevCerts() {
  if (shouldReuseUntrusted()) {
    return { filesOk: true, trusted: false, reused: true, error: null, status: certFileStatus() };
  }
  let error = null;
  try {
    await require('office-addin-dev-certs').ensureCertificatesAreInstalled();
  } catch (err) {
    error = oneLine(err);
  }
  const status = certFileStatus();
  return { filesOk: status.usable, trusted: systemTrustsCa(), reused: false, error, status };
}

/** { ca, cert, key } buffers for an https server; throws when the files are missing. */
function readHttpsOptions() {
  return {
    ca: fs.readFileSync(CERT_FILES.ca),
    cert: fs.readFileSync(CERT_FILES.cert),
    key: fs.readFileSync(CERT_FILES.key),
  };
}

module.exports = {
  CERT_DIR,
  CERT_FILES,
  certFileStatus,
  systemTrustsCa,
  shouldReuseUntrusted,
  ensureDevCerts,
  readHttpsOptions,
  oneLine,
};
