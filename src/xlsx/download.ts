/** Saves a generated file from the task pane (DOM only; file-mode.ts stays free of the DOM). */

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function downloadBlob(name: string, buffer: ArrayBuffer | Blob, type = XLSX_MIME): void {
  const blob = buffer instanceof Blob ? buffer : new Blob([buffer], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some webviews start the download asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
