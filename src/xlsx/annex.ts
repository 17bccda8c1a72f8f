/**
 * The official annex (附件) export: a NEW workbook, formula-free and print-ready, built from the
 * pure annex plan (src/layout/annex-plan.ts) by the same host code as the scoring workbook. It has
 * no hidden rows or columns, no validation, no key column and no metadata sheet.
 */
import type { AnnexComparison } from '../layout/annex-comparison';
import { chineseDate, planAnnex, type AnnexUnit, type EvidenceRow } from '../layout/annex-plan';
import type { DocumentState } from '../layout/document-state';
import type { Rubric } from '../rubric/schema';
import type { RankedUnit, UnitInput } from '../scoring/types';
import { applySheets } from './apply-plan';
import { type Workbook } from './exceljs';
import { workbookParts, zipParts } from './zip-writer';
import { inDocumentLinks } from './in-document-links';

export interface AnnexExportOptions {
  /** Date in the page header: a Date, or text printed as is. Default: today. */
  date?: Date | string;
  /** The roster's state (终稿 / 草稿, notices); worked out from the units when not given. */
  state?: DocumentState;
  /** Print a table also for units with nothing filled (default: listed in 汇总 only). */
  allUnits?: boolean;
  /** A signature block under every unit's table (default: where the rubric declares one). */
  confirmation?: boolean;
  /** 佐证材料清单 as the last sheet (src/xlsx/evidence.ts makes the rows). */
  evidence?: EvidenceRow[];
  /** 自评与核定对照表 as the last sheet (src/xlsx/comparison.ts makes it); the official tables are unchanged. */
  comparison?: AnnexComparison;
}

/** Pairs each unit's typed inputs with its score (same order), as the annex plan wants them. */
export function annexUnits(inputs: UnitInput[], scores: RankedUnit[], keys?: string[]): AnnexUnit[] {
  return inputs.map((input, i) => ({
    ...(keys ? { key: keys[i] } : {}),
    name: scores[i].name,
    group: scores[i].group,
    input,
    score: scores[i],
  }));
}

export async function annexWorkbook(rubric: Rubric, units: AnnexUnit[], options: AnnexExportOptions = {}): Promise<Workbook> {
  const d = options.date ?? new Date();
  const date = typeof d === 'string' ? d : chineseDate(d);
  const plan = planAnnex(rubric, units, {
    date,
    ...(options.state ? { state: options.state } : {}),
    ...(options.allUnits ? { allUnits: true } : {}),
    ...(options.confirmation !== undefined ? { confirmation: options.confirmation } : {}),
    ...(options.evidence ? { evidence: options.evidence } : {}),
    ...(options.comparison ? { comparison: options.comparison } : {}),
  });
  return applySheets(plan.sheets, { styles: plan.styles, created: typeof d === 'string' ? undefined : d });
}

export async function annexBuffer(rubric: Rubric, units: AnnexUnit[], options: AnnexExportOptions = {}): Promise<ArrayBuffer> {
  // The links are mended in the parts before they are compressed, so the annex is deflated once.
  const bytes = await zipParts(inDocumentLinks(await workbookParts(await annexWorkbook(rubric, units, options))));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
