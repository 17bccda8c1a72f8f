/** Stops the static server global-setup.ts started. */
export default async function globalTeardown(): Promise<void> {
  const g = globalThis as { __e2eServer?: { close(): Promise<void> } };
  await g.__e2eServer?.close();
  delete g.__e2eServer;
}
